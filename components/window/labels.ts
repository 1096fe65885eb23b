/** Badge tones for window enumerations, shared by list and detail pages. */
export const resultTone = { done: "green", returned: "yellow", refused: "red" } as const;
export const ratingTone = { satisfied: "green", basic: "yellow", dissatisfied: "red" } as const;
export const tone = <T extends Record<string, string>>(map: T, key: string) =>
  (map[key as keyof T] ?? "gray") as T[keyof T];
