// The field app (/field): capture, outbox, my duty, position, SOS, evidence photos.
const field = {
  field: {
    photos: {
      title: "现场照片（{count}）",
      none: "没有照片。",
      alt: "现场照片 {n}",
    },
    photo: {
      tooLarge: "照片太大：每张不超过 8 MB（手机上选取的原图不超过 15 MB）",
      notImage: "这不是照片：只接受 JPEG、PNG 或 WebP 图像（按文件内容判断，不看文件名）",
      tooManyPixels: "照片像素过多：最长边不超过 8000 像素、总像素不超过 4800 万",
      tooMany: "每条记录最多 {max} 张照片",
      notYours: "只能给自己录入的记录添加照片",
    },
  },
};
export default field;
