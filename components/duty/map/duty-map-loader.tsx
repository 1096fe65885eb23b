"use client";
import dynamic from "next/dynamic";
import { LoadingBlock } from "@/components/ui/states";
import { useT } from "@/lib/i18n/client";
import type { DutyMapData } from "@/lib/duty/map-types";
import { loadMapLib } from "./map-lib";

function Loading() {
  const t = useT();
  return <LoadingBlock label={t("duty.map.loading")} />;
}

// The map library (~800 kB) is its own chunk, loaded in the browser only on this page.
const LazyMap = dynamic(
  async () => {
    const [lib, { DutyMap }] = await Promise.all([loadMapLib(), import("./duty-map")]);
    return function Loaded({ data }: { data: DutyMapData }) {
      return <DutyMap lib={lib} data={data} />;
    };
  },
  { ssr: false, loading: Loading },
);

export function DutyMapLoader({ data }: { data: DutyMapData }) {
  return <LazyMap data={data} />;
}
