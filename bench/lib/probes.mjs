// What the benchmark watches inside a page, installed before any page script runs (and again on
// every reload) as window.__bench. The app and the baseline both put their Konva stage in an
// element with role="region" and name "Image canvas"; the probes read only the pixels of the
// canvases there, so they work however the canvas code draws (layers, rasters or tiles).

/** Installs window.__bench; `arg` gives the marker colour and the label colours to look for. */
export function installProbes({ marker, labels }) {
  const near = (d, i, rgb, tol) => Math.abs(d[i] - rgb[0]) <= tol && Math.abs(d[i + 1] - rgb[1]) <= tol && Math.abs(d[i + 2] - rgb[2]) <= tol;
  const region = () => document.querySelector('[role="region"][aria-label="Image canvas"]');

  /**
   * image: at least a tenth of a 61 x 61 px patch at the region's centre (where a fitted image
   * has its centre) is marker magenta; box strokes may cover the rest. detail: the luminance
   * of an opaque 12 x 12 px patch there spans 60 levels or more (JPEG leaves the image's 1-px
   * checkerboard about 130), which it does only when drawn from full-resolution pixels; a
   * decode at half scale or less averages it to flat grey. boxPixels:
   * pixels in a label colour along five rows and five columns of each canvas.
   */
  function probe() {
    const r = region();
    if (!r) return { image: false, detail: 0, boxPixels: 0 };
    const rr = r.getBoundingClientRect();
    const cx = rr.left + rr.width / 2;
    const cy = rr.top + rr.height / 2;
    let markerShare = 0;
    let detail = 0;
    let boxPixels = 0;
    for (const canvas of r.querySelectorAll('canvas')) {
      const cr = canvas.getBoundingClientRect();
      const ctx = cr.width && cr.height && canvas.width && canvas.height ? canvas.getContext('2d') : null;
      if (!ctx) continue;
      const sx = canvas.width / cr.width;
      const sy = canvas.height / cr.height;
      const patch = (half) => ctx.getImageData(Math.round((cx - half - cr.left) * sx), Math.round((cy - half - cr.top) * sy), 2 * half + 1, 2 * half + 1).data;
      const m = patch(30);
      let hits = 0;
      for (let i = 0; i < m.length; i += 4) if (near(m, i, marker, 40)) hits += 1;
      markerShare = Math.max(markerShare, hits / (m.length / 4));
      const c = patch(6);
      let lo = 255;
      let hi = 0;
      for (let i = 0; i < c.length; i += 4) {
        if (c[i + 3] < 250) continue;
        const lum = 0.299 * c[i] + 0.587 * c[i + 1] + 0.114 * c[i + 2];
        lo = Math.min(lo, lum);
        hi = Math.max(hi, lum);
      }
      detail = Math.max(detail, hi - lo);
      const lines = [];
      for (let k = 1; k <= 5; k += 1) {
        lines.push(ctx.getImageData(0, Math.floor((canvas.height * k) / 6), canvas.width, 1).data);
        lines.push(ctx.getImageData(Math.floor((canvas.width * k) / 6), 0, 1, canvas.height).data);
      }
      for (const d of lines) {
        for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 200 && labels.some((rgb) => near(d, i, rgb, 48))) boxPixels += 1;
      }
    }
    return { image: markerShare >= 0.1, detail: Math.round(detail), boxPixels };
  }

  const textOf = (selector) => [...document.querySelectorAll(selector)].map((el) => el.textContent ?? '').join('\n');
  const checks = {
    image: (want) => probe().image === want,
    detail: () => probe().detail >= 60,
    boxes: () => probe().boxPixels >= 20,
    status: (text) => textOf('[role="status"]').includes(text),
    viewStatus: (text) => textOf('[aria-label="View status"]').includes(text),
    selector: (selector) => document.querySelector(selector) !== null,
  };

  /**
   * Resolves, at the first animation frame where every condition of `cond` holds, with the time
   * (performance.now()) each first held and `all`. Rejects after `timeoutMs` saying which did not.
   */
  function watch(cond, timeoutMs = 120_000) {
    const t0 = performance.now();
    const at = {};
    return new Promise((resolve, reject) => {
      const tick = () => {
        const now = performance.now();
        for (const [key, want] of Object.entries(cond)) if (at[key] === undefined && checks[key](want)) at[key] = now;
        if (Object.keys(cond).every((k) => at[k] !== undefined)) return resolve({ ...at, all: now });
        if (now - t0 > timeoutMs) {
          const missing = Object.keys(cond).filter((k) => at[k] === undefined);
          return reject(new Error(`Waited ${Math.round(timeoutMs / 1000)} s for ${JSON.stringify(cond)}; still missing: ${missing.join(', ')}; canvas probe: ${JSON.stringify(probe())}`));
        }
        requestAnimationFrame(tick);
      };
      tick();
    });
  }

  /** Resolves with the time of the DOM change that made `selector` match (a MutationObserver, no frame delay). */
  function watchDom(selector, timeoutMs = 60_000) {
    return new Promise((resolve, reject) => {
      if (document.querySelector(selector)) return resolve(performance.now());
      const observer = new MutationObserver(() => {
        if (!document.querySelector(selector)) return;
        const now = performance.now();
        observer.disconnect();
        clearTimeout(timer);
        resolve(now);
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`Waited ${Math.round(timeoutMs / 1000)} s for ${selector}`));
      }, timeoutMs);
      observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true });
    });
  }

  /** Times of the latest drop, click, pointerup and change (Event.timeStamp, on the performance.now() clock). */
  const marks = {};
  for (const type of ['drop', 'click', 'pointerup', 'change']) window.addEventListener(type, (e) => (marks[type] = e.timeStamp), true);

  /**
   * The next animation frame's start: the timestamp the browser passes to requestAnimationFrame,
   * the same for every callback of a frame. With vsync on, frames start 16.7 ms apart unless one
   * missed its deadline; performance.now() read in the callback would add the time earlier
   * callbacks of the frame took (Konva draws in one), a jitter that is not a missed frame.
   */
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

  /**
   * Plays the path: each step is one synthetic wheel event over the centre of the canvas, sent
   * at the start of a frame; returns the interval from each frame to the next (each holds the
   * drawing the step caused). The app listens on the region, Konva on its content element. A
   * step may say whether the image centre must show afterwards (`expectImage`), to catch a view
   * that does not follow the path; that check is left out of the intervals.
   */
  async function playPath(steps) {
    const r = region();
    const target = r.querySelector('.konvajs-content') ?? r;
    const rr = r.getBoundingClientRect();
    const at = { clientX: rr.left + rr.width / 2, clientY: rr.top + rr.height / 2 };
    const intervals = [];
    let last = await frame();
    for (const [i, { expectImage, ...wheel }] of steps.entries()) {
      target.dispatchEvent(new WheelEvent('wheel', { deltaX: 0, deltaMode: 0, bubbles: true, cancelable: true, ...at, ...wheel }));
      const now = await frame();
      intervals.push(now - last);
      last = now;
      if (expectImage !== undefined) {
        if (probe().image !== expectImage) throw new Error(`The view did not follow the pan-and-zoom path: after step ${i + 1} the image centre was ${expectImage ? 'not ' : ''}in view.`);
        last = await frame();
      }
    }
    return intervals;
  }

  /** Intervals between frames of the page at rest: about 16.7 ms with vsync, well under 1 ms without. */
  async function idleFrames(n = 120) {
    const intervals = [];
    let last = await frame();
    for (let i = 0; i < n; i += 1) {
      const now = await frame();
      intervals.push(now - last);
      last = now;
    }
    return intervals;
  }

  /** The app's zoom as its status bar shows it ("Zoom 7.8%"), as a scale. */
  const zoomShown = () => Number(/([\d.]+)%/.exec(textOf('[aria-label="Zoom level"]'))?.[1] ?? NaN) / 100;

  /**
   * Waits for the image to be drawn, then zooms about the centre to 2x with the wheel (one
   * event, more only if the app took less) and waits for its full-resolution detail.
   */
  async function viewThenZoom(timeoutMs = 120_000) {
    const first = await watch({ image: true }, timeoutMs);
    const r = region().getBoundingClientRect();
    const target = region().querySelector('.konvajs-content') ?? region();
    for (let i = 0; i < 20 && !(zoomShown() >= 1.9); i += 1) {
      const deltaY = -Math.round(300 * Math.log2(2 / zoomShown()));
      target.dispatchEvent(new WheelEvent('wheel', { deltaY, deltaMode: 0, bubbles: true, cancelable: true, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 }));
      await frame();
    }
    const full = await watch({ detail: true }, timeoutMs);
    return { image: first.image, detail: full.detail };
  }

  window.__bench = { probe, watch, watchDom, marks, playPath, idleFrames, viewThenZoom, armed: null };
  /** Starts a watch before the action it times; `await page.evaluate(() => window.__bench.armed)` collects it. */
  window.__bench.arm = (cond, timeoutMs) => {
    window.__bench.armed = watch(cond, timeoutMs);
    window.__bench.armed.catch(() => {});
  };
  window.__bench.armViewThenZoom = (timeoutMs) => {
    window.__bench.armed = viewThenZoom(timeoutMs);
    window.__bench.armed.catch(() => {});
  };
  window.__bench.armDom = (selector, timeoutMs) => {
    window.__bench.armed = watchDom(selector, timeoutMs);
    window.__bench.armed.catch(() => {});
  };
}
