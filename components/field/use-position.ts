"use client";
/**
 * Position while on duty: a switch (on when a beat starts, off when it ends, or by hand)
 * runs watchPosition and queues the fixes worth keeping (lib/field/fix-filter.ts) in
 * IndexedDB with their own times; the sync loop sends them in batches. Arriving within a
 * must-reach point's radius during its window queues a check-in.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { keepFix, type RawFix } from "@/lib/field/fix-filter";
import { enqueue } from "@/lib/field/outbox";
import { getKv, queueFixes, setKv } from "@/lib/field/store";
import type { FieldBeat } from "@/lib/field/types";
import { checkInIssue } from "@/lib/duty/arrival-rule";

export type DutyStatus = "on_patrol" | "handling_incident" | "off_duty";

export function currentBeat(beats: FieldBeat[], now = Date.now()): FieldBeat | null {
  return beats.find((b) => Date.parse(b.startsAt) <= now && now < Date.parse(b.endsAt)) ?? null;
}

export function usePosition(userId: string, beats: FieldBeat[], onQueued: () => void) {
  const [on, setOn] = useState(false);
  const [status, setStatusState] = useState<DutyStatus>("on_patrol");
  const [lastFix, setLastFix] = useState<RawFix | null>(null);
  const [error, setError] = useState<string | null>(null);
  const kept = useRef<RawFix | null>(null);
  const statusRef = useRef(status);
  const checkedIn = useRef<Set<string>>(new Set());
  const [checkedList, setCheckedList] = useState<string[]>([]);
  const beatsRef = useRef(beats);
  useEffect(() => {
    beatsRef.current = beats;
  }, [beats]);

  useEffect(() => {
    getKv<string[]>(`checkins:${userId}`).then((ids) => {
      checkedIn.current = new Set(ids ?? []);
      setCheckedList([...checkedIn.current]);
    });
  }, [userId]);
  const markChecked = useCallback(
    async (key: string) => {
      checkedIn.current.add(key);
      setCheckedList([...checkedIn.current]);
      await setKv(`checkins:${userId}`, [...checkedIn.current]);
    },
    [userId],
  );

  const record = useCallback(
    async (fix: RawFix, force: boolean) => {
      setLastFix(fix);
      if (!keepFix(kept.current, fix, force)) return;
      kept.current = fix;
      await queueFixes([{ userId, ...fix, status: statusRef.current }]);
      await setKv(`lastfix:${userId}`, fix); // an SOS after a restart still knows where this person was
      // Arrival at a must-reach point of the beat on now: checked in once.
      for (const beat of beatsRef.current) {
        const range = { startsAt: Date.parse(beat.startsAt), endsAt: Date.parse(beat.endsAt) };
        for (const p of beat.points) {
          const key = `${beat.id}:${p.id}`;
          if (checkedIn.current.has(key) || checkInIssue(p, range, fix)) continue;
          await markChecked(key);
          await enqueue({
            userId,
            kind: "checkin",
            body: { beatId: beat.id, pointId: p.id, ...fixBody(fix), method: "auto" },
            summary: p.name,
          });
        }
      }
      onQueued();
    },
    [userId, onQueued, markChecked],
  );

  // The switch follows the beats: on at a beat's start, off at its end (a hand switch holds until then).
  const beatNow = currentBeat(beats)?.id ?? null;
  const prevBeat = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (prevBeat.current !== beatNow) setOn(!!beatNow);
    prevBeat.current = beatNow;
  }, [beatNow]);
  const [, tick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => tick((n) => n + 1), 30_000);
    return () => clearInterval(t);
  }, []);

  useEffect(() => {
    if (!on || !("geolocation" in navigator)) return;
    const id = navigator.geolocation.watchPosition(
      (pos) => {
        setError(null);
        void record(
          { at: Date.now(), lat: pos.coords.latitude, lng: pos.coords.longitude, accuracyM: pos.coords.accuracy },
          false,
        );
      },
      (err) => setError(err.message || String(err.code)),
      { enableHighAccuracy: true, maximumAge: 5000, timeout: 60_000 },
    );
    return () => navigator.geolocation.clearWatch(id);
  }, [on, record]);

  const setStatus = useCallback(
    (s: DutyStatus) => {
      statusRef.current = s;
      setStatusState(s);
      if (s === "off_duty") setOn(false);
      else setOn(true);
      if (kept.current) void record({ ...kept.current, at: Date.now() }, true);
    },
    [record],
  );

  /** A tap on a must-reach point: checked in with the current fix (the server checks radius and window). */
  const tapCheckIn = useCallback(
    async (beat: FieldBeat, pointId: string, name: string) => {
      if (!lastFix) return false;
      await markChecked(`${beat.id}:${pointId}`);
      await enqueue({
        userId,
        kind: "checkin",
        body: { beatId: beat.id, pointId, ...fixBody({ ...lastFix, at: Date.now() }), method: "tap" },
        summary: name,
      });
      onQueued();
      return true;
    },
    [lastFix, userId, onQueued, markChecked],
  );

  const checked = useMemo(() => new Set(checkedList), [checkedList]);
  return { on, setOn, status, setStatus, lastFix, error, tapCheckIn, checkedIn: checked };
}

export function fixBody(f: RawFix) {
  return {
    lat: f.lat,
    lng: f.lng,
    ...(f.accuracyM != null ? { accuracyM: Math.round(f.accuracyM) } : {}),
    at: new Date(f.at).toISOString(),
  };
}
