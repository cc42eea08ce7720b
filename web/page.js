// The page around the app: downloads the app, font and catalogs with a real progress bar, starts
// the app, and bridges what a canvas cannot do alone: pointer and touch input, the soft keyboard
// and IME composition through a hidden text element, paste, the back button, resizing at the
// device pixel ratio. It calls the app only through the exports declared in
// wasm/platform/bridge.hpp (Module._machiba_*), and the app calls back through Module.machibaPage.
'use strict';

(function () {
  const files = JSON.parse(document.getElementById('machiba-files').textContent);
  const canvas = document.getElementById('canvas');
  const textElement = document.getElementById('machiba-text');
  const loading = document.getElementById('loading');
  const loadingFill = document.getElementById('loading-fill');
  const loadingStatus = document.getElementById('loading-status');

  // The numbers wasm/platform/bridge.hpp gives them.
  const Phase = {down: 0, move: 1, up: 2, cancel: 3};
  const Kind = {mouse: 0, touch: 1, pen: 2};
  const SoftKey = {backspace: 0, enter: 1};

  let started = false;

  // ---- Loading --------------------------------------------------------------------------------

  const boot = ['wasm', 'font', 'glyphs', 'i18n'];
  const totalBytes = boot.reduce((sum, role) => sum + files[role].bytes, 0) + files.app.bytes;
  let receivedBytes = 0;

  function showProgress(bytes) {
    receivedBytes += bytes;
    const percent = Math.min(100, Math.round((receivedBytes / totalBytes) * 100));
    loadingFill.style.width = percent + '%';
    loading.setAttribute('aria-valuenow', String(percent));
  }

  function showFailure(message) {
    console.error('machiba: ' + message);
    loadingStatus.textContent =
      '読み込めませんでした。再読み込みしてください。 Could not load: please reload.';
    loadingStatus.classList.add('failed');
  }

  // Reads a response body chunk by chunk so the bar moves with the bytes (the sizes come from
  // the site build, since a gzip-encoded response's length header counts compressed bytes).
  async function download(role) {
    const response = await fetch(files[role].url);
    if (!response.ok) throw new Error(files[role].url + ': HTTP ' + response.status);
    const reader = response.body.getReader();
    const chunks = [];
    let length = 0;
    for (;;) {
      const {done, value} = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.length;
      showProgress(value.length);
    }
    const bytes = new Uint8Array(length);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    return bytes;
  }

  function loadScript(url) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      script.onload = resolve;
      script.onerror = () => reject(new Error(url + ': the script did not load'));
      document.body.appendChild(script);
    });
  }

  // ---- Calls into the app -----------------------------------------------------------------------

  function withString(text, call) {
    const size = Module.lengthBytesUTF8(text) + 1;
    const pointer = Module._malloc(size);
    Module.stringToUTF8(text, pointer, size);
    try {
      call(pointer);
    } finally {
      Module._free(pointer);
    }
  }

  function sendText(text) {
    if (started && text) withString(text, (pointer) => Module._machiba_text(pointer));
  }

  function sendComposition(text) {
    if (started) withString(text || '', (pointer) => Module._machiba_composition(pointer));
  }

  function wake() {
    if (started) Module._machiba_wake();
  }

  function sendSize() {
    if (!started) return;
    const rect = canvas.getBoundingClientRect();
    Module._machiba_resize(rect.width, rect.height, window.devicePixelRatio || 1);
  }

  // ---- Pointer input ------------------------------------------------------------------------------

  // GLFW listens to mouse and touch events itself, but without pixel-ratio or touch support.
  // These listeners run first (capture, on window) and keep canvas events from reaching it; the
  // app gets pointer events instead. preventDefault keeps taps from moving focus away from the
  // text element and from selecting or zooming.
  for (const type of ['mousedown', 'mouseup', 'mousemove', 'mouseenter', 'mouseleave',
                      'touchstart', 'touchmove', 'touchend', 'touchcancel', 'contextmenu']) {
    window.addEventListener(type, (event) => {
      if (event.target !== canvas) return;
      event.stopImmediatePropagation();
      if (type !== 'mousemove' && type !== 'mouseenter' && type !== 'mouseleave') {
        event.preventDefault();
      }
    }, {capture: true, passive: false});
  }

  function pointerKind(event) {
    return event.pointerType === 'touch' ? Kind.touch
         : event.pointerType === 'pen' ? Kind.pen : Kind.mouse;
  }

  function sendPointer(phase, event) {
    if (!started) return 0;
    const rect = canvas.getBoundingClientRect();
    return Module._machiba_pointer(phase, pointerKind(event), event.clientX - rect.left,
                                   event.clientY - rect.top, event.button, event.timeStamp);
  }

  canvas.addEventListener('pointerdown', (event) => {
    if (!event.isPrimary) return;
    canvas.setPointerCapture(event.pointerId);
    sendPointer(Phase.down, event);
  });
  canvas.addEventListener('pointermove', (event) => {
    if (event.isPrimary) sendPointer(Phase.move, event);
  });
  canvas.addEventListener('pointerup', (event) => {
    if (!event.isPrimary) return;
    // Still inside the user's gesture: the only moment a phone lets a focus raise its keyboard.
    if (sendPointer(Phase.up, event) === 1) focusText();
  });
  canvas.addEventListener('pointercancel', (event) => {
    if (event.isPrimary) sendPointer(Phase.cancel, event);
  });
  canvas.addEventListener('pointerleave', (event) => {
    if (event.pointerType === 'mouse') sendPointer(Phase.cancel, event);
  });
  // ImGui's GLFW backend reads the wheel itself; the app only needs to wake up.
  canvas.addEventListener('wheel', wake, {passive: true});

  // ---- Keyboard, IME and paste ----------------------------------------------------------------

  let composing = false;

  function focusText() {
    if (document.activeElement !== textElement) textElement.focus({preventScroll: true});
  }

  // Registered before the app starts, so before GLFW's own window listeners: keys that belong
  // to an IME composition or to a paste must not reach ImGui as key presses.
  window.addEventListener('keydown', (event) => {
    if (event.isComposing || event.keyCode === 229) {
      event.stopImmediatePropagation();
      return;
    }
    if ((event.ctrlKey || event.metaKey) && (event.key === 'v' || event.key === 'V')) {
      event.stopImmediatePropagation(); // the browser pastes; the paste event brings the text
      return;
    }
    if (event.key === 'Enter' && event.target === textElement) event.preventDefault();
  }, true);

  textElement.addEventListener('compositionstart', () => {
    composing = true;
  });
  textElement.addEventListener('compositionupdate', (event) => {
    sendComposition(event.data);
  });
  textElement.addEventListener('compositionend', (event) => {
    composing = false;
    sendComposition('');
    sendText(event.data);
    textElement.value = '';
  });
  textElement.addEventListener('input', (event) => {
    if (event.isComposing || composing) return;
    switch (event.inputType) {
      case 'insertText':
      case 'insertReplacementText':
        sendText(event.data);
        break;
      case 'insertLineBreak':
      case 'insertParagraph':
        if (started) Module._machiba_key(SoftKey.enter);
        break;
      case 'deleteContentBackward':
        if (started) Module._machiba_key(SoftKey.backspace);
        break;
      default:
        break; // insertFromComposition (Safari) was sent at compositionend
    }
    textElement.value = '';
  });
  textElement.addEventListener('paste', (event) => {
    event.preventDefault();
    const text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
    if (started && text) withString(text, (pointer) => Module._machiba_paste(pointer));
  });

  // ---- What the app asks of the page ------------------------------------------------------------

  const page = {
    ready() {
      loading.classList.add('done');
      setTimeout(() => loading.remove(), 300);
      window.machiba.ready = true;
    },
    // Moving the element over the field puts the IME's candidate window beside it.
    beginText(x, y, width, height) {
      textElement.style.left = x + 'px';
      textElement.style.top = y + 'px';
      textElement.style.width = Math.max(1, width) + 'px';
      textElement.style.height = Math.max(1, height) + 'px';
      focusText();
    },
    endText() {
      textElement.value = '';
      textElement.style.left = '-1000px';
      if (document.activeElement === textElement) textElement.blur();
    },
  };

  // ---- History and size -------------------------------------------------------------------------

  history.replaceState({machibaDepth: 1}, '', location.pathname + location.search);
  window.addEventListener('popstate', (event) => {
    const depth = event.state && event.state.machibaDepth ? event.state.machibaDepth : 1;
    if (started) Module._machiba_history_pop(depth);
  });

  new ResizeObserver(sendSize).observe(canvas);
  function watchPixelRatio() {
    const query = matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
    query.addEventListener('change', () => {
      sendSize();
      watchPixelRatio();
    }, {once: true});
  }
  watchPixelRatio();
  document.addEventListener('visibilitychange', wake);

  // ---- For tests and tools: what the app shows, never a way to drive it -------------------------

  window.machiba = {
    ready: false,
    inspect() {
      if (!started) return {ready: false, widgets: []};
      return JSON.parse(Module.UTF8ToString(Module._machiba_inspect()));
    },
    frames() {
      return started ? Module._machiba_frame_count() : 0;
    },
    pendingWrites() {
      return started ? Module._machiba_store_pending() : 0;
    },
  };

  // ---- Start ------------------------------------------------------------------------------------

  async function start() {
    const [wasm, font, glyphs, i18n] = await Promise.all(boot.map(download));
    window.Module = {
      canvas,
      wasmBinary: wasm.buffer,
      machibaBootFiles: {font, glyphs, i18n},
      machibaPage: page,
      locateFile: (path) => (path.endsWith('.wasm') ? files.wasm.url : path),
      print: (text) => console.log(text),
      printErr: (text) => console.warn(text),
      onRuntimeInitialized() {
        started = true;
        sendSize();
      },
      onAbort(reason) {
        showFailure('the app stopped: ' + reason);
      },
    };
    await loadScript(files.app.url);
    showProgress(files.app.bytes);
  }

  start().catch((error) => showFailure(error.message));

  // Keep the app on the device for the next visit without a signal (web/sw.js). Not on a page
  // opened from a file or a browser without service workers; a refusal costs nothing but that.
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    navigator.serviceWorker.register('sw.js').catch((error) => {
      console.warn('machiba: no offline copy: ' + error.message);
    });
  }
})();
