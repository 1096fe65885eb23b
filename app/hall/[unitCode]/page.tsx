import { HallBoard } from "@/components/window/hall-board";
import { tFor } from "@/lib/i18n/server-free";
import { orNotFound } from "@/lib/pages";
import { boardState } from "@/lib/window/board";

export const dynamic = "force-dynamic";
export const metadata = { title: "叫号显示屏", robots: { index: false } };

/**
 * The hall display board (叫号屏), public: a TV in the hall opens it without signing in.
 * It shows ticket numbers, windows and waiting counts only (lib/window/board.ts), in
 * Chinese, and follows the hall's live events.
 */
export default async function HallBoardPage({
  params,
  searchParams,
}: {
  params: Promise<{ unitCode: string }>;
  searchParams: Promise<{ hall?: string }>;
}) {
  const [{ unitCode }, { hall }] = await Promise.all([params, searchParams]);
  const state = await orNotFound(boardState(unitCode, hall ?? null));
  const t = tFor("zh");
  const labels = {
    calling: t("window.board.calling"),
    nowServing: t("window.board.nowServing"),
    window: t("window.board.window"),
    recent: t("window.board.recent"),
    waiting: t("window.board.waiting"),
    live: t("window.board.live"),
    reconnecting: t("window.board.reconnecting"),
    sound: t("window.board.sound"),
  };
  return <HallBoard unitCode={unitCode} initial={state} labels={labels} />;
}
