"use client";
/**
 * The field app's state: the person's data kept on the phone (refreshed when online), the
 * outbox, and the sync loop (on opening, on reconnect, every 30 s, after each capture; an
 * SOS every 3 s until delivered). Sync pauses when the session has ended and goes on after
 * the person signs in again.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { countFixes, listItems, loadBootstrap, saveBootstrap, type OutboxItem } from "@/lib/field/store";
import { syncNow } from "@/lib/field/sync";
import { useBrowserOnline } from "./use-now";
import type { FieldBootstrap } from "@/lib/field/types";

const TIMER_MS = 30_000;
const SOS_RETRY_MS = 3000;

export interface FieldState {
  data: FieldBootstrap | null;
  items: OutboxItem[];
  fixesQueued: number;
  online: boolean;
  needsSignIn: boolean;
  syncing: boolean;
  refresh: () => Promise<void>;
  sync: (force?: boolean) => Promise<void>;
}

export function useField(userId: string): FieldState {
  const [data, setData] = useState<FieldBootstrap | null>(null);
  const [items, setItems] = useState<OutboxItem[]>([]);
  const [fixesQueued, setFixesQueued] = useState(0);
  const browserOnline = useBrowserOnline();
  const [reachable, setOnline] = useState(true);
  const online = browserOnline && reachable;
  const [needsSignIn, setNeedsSignIn] = useState(false);
  const [syncing, setSyncing] = useState(false);
  const alive = useRef(true);

  const refresh = useCallback(async () => {
    const [list, n] = await Promise.all([listItems(userId), countFixes(userId)]);
    if (!alive.current) return;
    setItems(list);
    setFixesQueued(n);
  }, [userId]);

  const sync = useCallback(
    async (force = false) => {
      setSyncing(true);
      try {
        const r = await syncNow(userId, { force });
        if (!alive.current) return;
        setNeedsSignIn(r.needsSignIn);
        // Reachable only when the server answered: a round with nothing to send proves nothing
        // (it read as "online" on a phone that had just lost its network).
        if (r.offline) setOnline(false);
        else if (r.reached && !r.needsSignIn) setOnline(true);
      } finally {
        if (alive.current) setSyncing(false);
        await refresh();
      }
    },
    [userId, refresh],
  );

  // The data kept on the phone, then a fresh copy when the network answers.
  useEffect(() => {
    alive.current = true;
    loadBootstrap(userId).then((b) => alive.current && b && setData((cur) => cur ?? b));
    fetch("/api/v1/field/bootstrap", { credentials: "same-origin" })
      .then(async (res) => {
        if (res.status === 401) return setNeedsSignIn(true);
        setOnline(true);
        if (!res.ok) return;
        const b = (await res.json()) as FieldBootstrap;
        await saveBootstrap(b);
        if (alive.current) setData(b);
      })
      .catch(() => setOnline(false));
    return () => {
      alive.current = false;
    };
  }, [userId]);

  // Sync on opening, on reconnect, on a timer.
  useEffect(() => {
    const first = setTimeout(() => void sync(), 0);
    const goOnline = () => {
      setOnline(true);
      void sync(true);
    };
    window.addEventListener("online", goOnline);
    const timer = setInterval(() => void sync(), TIMER_MS);
    const onVisible = () => document.visibilityState === "visible" && void sync();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.removeEventListener("online", goOnline);
      document.removeEventListener("visibilitychange", onVisible);
      clearInterval(timer);
      clearTimeout(first);
    };
  }, [sync]);

  // An SOS that has not reached the server is retried every few seconds.
  const sosPending = items.some((i) => i.kind === "sos" && i.status !== "sent" && i.status !== "refused");
  useEffect(() => {
    if (!sosPending) return;
    const t = setInterval(() => void sync(), SOS_RETRY_MS);
    return () => clearInterval(t);
  }, [sosPending, sync]);

  return { data, items, fixesQueued, online, needsSignIn, syncing, refresh, sync };
}
