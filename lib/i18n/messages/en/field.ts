// The field app (/field): capture, outbox, my duty, position, SOS, evidence photos.
const field = {
  field: {
    photos: {
      title: "Evidence photos ({count})",
      none: "No photos.",
      alt: "Evidence photo {n}",
    },
    photo: {
      tooLarge: "Photo too large: at most 8 MB each (15 MB for an original picked on the phone)",
      notImage: "Not a photo: only JPEG, PNG or WebP images are accepted (judged by the content, not the name)",
      tooManyPixels: "Too many pixels: at most 8,000 px on the longest side and 48 megapixels",
      tooMany: "At most {max} photos per record",
      notYours: "You can only add photos to records you recorded",
    },
  },
};
export default field;
