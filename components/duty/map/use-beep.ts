"use client";
import { useCallback, useEffect, useRef, useState } from "react";

/**
 * An alarm beep made with WebAudio (no audio file to download). Browsers only let a page
 * make sound after the person has interacted with it, so the context is created on the
 * first click or key press; until then `ready` is false and the page offers a button.
 */
export function useBeep() {
  const ctx = useRef<AudioContext | null>(null);
  const [ready, setReady] = useState(false);

  const enable = useCallback(() => {
    try {
      ctx.current ??= new AudioContext();
      void ctx.current.resume().then(() => setReady(ctx.current?.state === "running"));
    } catch {
      setReady(false);
    }
  }, []);

  useEffect(() => {
    const once = () => enable();
    window.addEventListener("pointerdown", once, { once: true });
    window.addEventListener("keydown", once, { once: true });
    return () => {
      window.removeEventListener("pointerdown", once);
      window.removeEventListener("keydown", once);
    };
  }, [enable]);

  /** Three short high beeps. */
  const beep = useCallback(() => {
    const ac = ctx.current;
    if (!ac || ac.state !== "running") return false;
    const t0 = ac.currentTime;
    for (let i = 0; i < 3; i++) {
      const osc = ac.createOscillator();
      const gain = ac.createGain();
      osc.type = "square";
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, t0 + i * 0.35);
      gain.gain.exponentialRampToValueAtTime(0.25, t0 + i * 0.35 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + i * 0.35 + 0.25);
      osc.connect(gain).connect(ac.destination);
      osc.start(t0 + i * 0.35);
      osc.stop(t0 + i * 0.35 + 0.26);
    }
    return true;
  }, []);

  return { ready, enable, beep };
}
