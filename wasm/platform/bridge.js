// The browser side of the imports declared in wasm/platform/bridge.hpp: IndexedDB, clipboard,
// links, history, and the calls into the page (Module.machibaPage, set by web/page.js).
mergeInto(LibraryManager.library, {
  $MachibaStore: {
    db: null,
    pending: null, // a Map of key -> value, or null for a delete; made on first use
    calls: 0, // puts and deletes since the last flush, as the app counts them
    scheduled: false,
    name: 'machiba',
    table: 'values',

    queue: function() {
      if (!MachibaStore.pending) MachibaStore.pending = new Map();
      return MachibaStore.pending;
    },

    flush: function() {
      MachibaStore.scheduled = false;
      if (!MachibaStore.db || !MachibaStore.pending || MachibaStore.pending.size === 0) return;
      var batch = MachibaStore.pending;
      var calls = MachibaStore.calls;
      MachibaStore.pending = new Map();
      MachibaStore.calls = 0;
      var transaction = MachibaStore.db.transaction(MachibaStore.table, 'readwrite');
      var table = transaction.objectStore(MachibaStore.table);
      batch.forEach(function(value, key) {
        if (value === null) table.delete(key);
        else table.put(value, key);
      });
      transaction.oncomplete = function() { _machiba_store_committed(calls); };
      transaction.onerror = function() {
        console.warn('machiba: a store write failed: ' + transaction.error);
        _machiba_store_committed(calls);
      };
    },

    schedule: function() {
      if (MachibaStore.scheduled) return;
      MachibaStore.scheduled = true;
      setTimeout(MachibaStore.flush, 0);
    },
  },

  machiba_js_store_open__deps: ['$MachibaStore'],
  machiba_js_store_open: function() {
    function answer(text) {
      var size = lengthBytesUTF8(text) + 1;
      var pointer = _malloc(size);
      stringToUTF8(text, pointer, size);
      _machiba_store_loaded(pointer);
      _free(pointer);
    }
    var request;
    try {
      request = indexedDB.open(MachibaStore.name, 1);
    } catch (error) {
      answer('');
      return;
    }
    request.onupgradeneeded = function() { request.result.createObjectStore(MachibaStore.table); };
    request.onerror = function() { answer(''); };
    request.onsuccess = function() {
      var db = request.result;
      MachibaStore.db = db;
      var values = {};
      var cursor = db.transaction(MachibaStore.table).objectStore(MachibaStore.table).openCursor();
      cursor.onsuccess = function() {
        var position = cursor.result;
        if (position) {
          if (typeof position.value === 'string') values[position.key] = position.value;
          position.continue();
        } else {
          answer(JSON.stringify(values));
          MachibaStore.schedule();
        }
      };
      cursor.onerror = function() { answer(''); };
      // Writes queued while the page is hidden would be lost if the tab is then killed.
      addEventListener('pagehide', MachibaStore.flush);
      document.addEventListener('visibilitychange', function() {
        if (document.visibilityState === 'hidden') MachibaStore.flush();
      });
    };
  },

  machiba_js_store_put__deps: ['$MachibaStore'],
  machiba_js_store_put: function(key, value) {
    MachibaStore.queue().set(UTF8ToString(key), UTF8ToString(value));
    MachibaStore.calls++;
    MachibaStore.schedule();
  },

  machiba_js_store_delete__deps: ['$MachibaStore'],
  machiba_js_store_delete: function(key) {
    MachibaStore.queue().set(UTF8ToString(key), null);
    MachibaStore.calls++;
    MachibaStore.schedule();
  },

  machiba_js_boot_take: function(name, size) {
    var files = Module['machibaBootFiles'] || {};
    var key = UTF8ToString(name);
    var bytes = files[key];
    if (!bytes) {
      HEAP32[size >> 2] = 0;
      return 0;
    }
    var pointer = _malloc(bytes.length);
    HEAPU8.set(bytes, pointer);
    HEAP32[size >> 2] = bytes.length;
    delete files[key];
    return pointer;
  },

  machiba_js_languages: function() {
    var list = navigator.languages && navigator.languages.length ? navigator.languages
                                                                 : [navigator.language || 'ja'];
    var text = list.join(',');
    var size = lengthBytesUTF8(text) + 1;
    if (!Module.machibaLanguages) Module.machibaLanguages = _malloc(256);
    stringToUTF8(text, Module.machibaLanguages, Math.min(size, 256));
    return Module.machibaLanguages;
  },

  machiba_js_set_document: function(language, title) {
    document.documentElement.lang = UTF8ToString(language);
    document.title = UTF8ToString(title);
  },

  machiba_js_ready: function() {
    var page = Module['machibaPage'];
    if (page) page.ready();
  },

  machiba_js_text_begin: function(x, y, width, height) {
    var page = Module['machibaPage'];
    if (page) page.beginText(x, y, width, height);
  },

  machiba_js_text_end: function() {
    var page = Module['machibaPage'];
    if (page) page.endText();
  },

  machiba_js_clipboard_write: function(text) {
    var value = UTF8ToString(text);
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(value).catch(function(error) {
        console.warn('machiba: the clipboard refused the copy: ' + error);
      });
    }
  },

  machiba_js_set_cursor: function(cursor) {
    if (Module['canvas']) Module['canvas'].style.cursor = UTF8ToString(cursor);
  },

  machiba_js_open_url: function(url) {
    var value = UTF8ToString(url);
    if (!/^(tel:|mailto:|https:)/.test(value)) {
      console.warn('machiba: refused to open ' + value);
      return;
    }
    if (value.startsWith('https:')) window.open(value, '_blank', 'noopener,noreferrer');
    else window.location.href = value;
  },

  machiba_js_image_load: function(handle, source) {
    var address = UTF8ToString(source);
    function answer(pixels, width, height) {
      var pointer = 0;
      if (pixels) {
        pointer = _malloc(pixels.length);
        HEAPU8.set(pixels, pointer);
      }
      _machiba_image_loaded(handle, pointer, width, height);
      if (pointer) _free(pointer);
      _machiba_wake();
    }
    // The same rule as the core's is_allowed_image_source: this site, or inline pictures.
    var inline = /^data:image\/(png|jpeg|webp);base64,/.test(address);
    if (!inline && (/^[a-z][a-z0-9+.-]*:/i.test(address) || address.startsWith('/') ||
                    address.indexOf('..') >= 0)) {
      console.warn('machiba: refused to load the image ' + address.slice(0, 80));
      setTimeout(function() { answer(null, 0, 0); }, 0);
      return;
    }
    var image = new Image();
    image.decoding = 'async';
    image.onload = function() {
      var longest = Math.max(image.naturalWidth, image.naturalHeight);
      if (!longest) return answer(null, 0, 0);
      var scale = Math.min(1, 1280 / longest);
      var width = Math.max(1, Math.round(image.naturalWidth * scale));
      var height = Math.max(1, Math.round(image.naturalHeight * scale));
      var canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      var context = canvas.getContext('2d');
      context.drawImage(image, 0, 0, width, height);
      answer(context.getImageData(0, 0, width, height).data, width, height);
    };
    image.onerror = function() {
      console.warn('machiba: the image ' + address.slice(0, 80) + ' could not be loaded');
      answer(null, 0, 0);
    };
    image.src = address;
  },

  machiba_js_download: function(url, fileName) {
    var address = UTF8ToString(url);
    if (!address.startsWith('/')) {
      console.warn('machiba: refused to download ' + address);
      return;
    }
    var link = document.createElement('a');
    link.href = address;
    link.download = UTF8ToString(fileName);
    link.rel = 'noopener';
    document.body.appendChild(link);
    link.click();
    link.remove();
  },

  machiba_js_leave: function(url) {
    var address = UTF8ToString(url);
    if (!/^(\/(?!\/)|https:)/.test(address)) {
      console.warn('machiba: refused to leave for ' + address);
      return;
    }
    window.location.replace(address);
  },

  machiba_js_history_push: function(depth, route) {
    history.pushState({machibaDepth: depth}, '', '#/' + UTF8ToString(route));
  },

  machiba_js_history_back: function(steps) {
    history.go(-steps);
  },

  machiba_js_console: function(level, text) {
    var line = UTF8ToString(text);
    if (level >= 3) console.error(line);
    else if (level == 2) console.warn(line);
    else console.log(line);
  },
});
