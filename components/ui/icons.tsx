/** A few outline icons (24px grid, stroke), inline so nothing is fetched. */
const paths: Record<string, string> = {
  dashboard: "M3 13h8V3H3v10Zm0 8h8v-6H3v6Zm10 0h8V11h-8v10Zm0-18v6h8V3h-8Z",
  map: "M9 4 3 6v14l6-2 6 2 6-2V4l-6 2-6-2Zm0 0v14m6-12v14",
  // a siren: the incident desk (接处警)
  incidents: "M7 18v-6a5 5 0 0 1 10 0v6M5 18h14v3H5v-3Zm7-15V1m7.8 3.2 1.4-1.4M4.2 4.2 2.8 2.8M12 10v4",
  beats: "M8 2v3m8-3v3M3 8h18M5 5h14a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2Zm3 8h3v3H8v-3Z",
  violations: "M12 9v4m0 4h.01M10.3 3.9 2.4 17.6A2 2 0 0 0 4.1 20.6h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z",
  accidents: "M5 17h14M6 17l1.5-5h9L18 17M8 12l1-3h6l1 3M7 17v2m10-2v2",
  hazards: "M12 3 2 21h20L12 3Zm0 6v5m0 3h.01",
  window: "M4 4h16v12H4V4Zm4 16h8m-4-4v4",
  reports: "M4 20V10m6 10V4m6 16v-7m4 7H2",
  admin:
    "M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm7.4-3a7.4 7.4 0 0 0-.1-1.3l2-1.6-2-3.4-2.4 1a7.3 7.3 0 0 0-2.2-1.3L14.3 3h-4l-.4 2.4a7.3 7.3 0 0 0-2.2 1.3l-2.4-1-2 3.4 2 1.6a7.4 7.4 0 0 0 0 2.6l-2 1.6 2 3.4 2.4-1a7.3 7.3 0 0 0 2.2 1.3l.4 2.4h4l.4-2.4a7.3 7.3 0 0 0 2.2-1.3l2.4 1 2-3.4-2-1.6c.1-.4.1-.9.1-1.3Z",
  units: "M3 21h18M5 21V7l7-4 7 4v14M9 21v-6h6v6",
  field: "M8 2h8a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2Zm3 17h2",
  menu: "M4 6h16M4 12h16M4 18h16",
  logout: "M15 17l5-5-5-5m5 5H9m4 9H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h8",
};

export type IconName = keyof typeof paths;

export function Icon({ name, className = "h-5 w-5" }: { name: IconName | string; className?: string }) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 24 24"
      className={className}
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={paths[name] ?? paths.dashboard} />
    </svg>
  );
}
