import type { ReactNode } from "react";

/** A filter's or a picker's control with its caption above it, small and quiet; the label names the control. */
export function Captioned({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <label className="text-sm">
      <span className="block text-xs text-slate-500">{label}</span>
      {children}
    </label>
  );
}
