// The one place where the app and the page meet: every function the page may call (exports) and
// every function the app asks of the browser (imports, written in wasm/platform/bridge.js).
//
// Exports are the lines that start with MACHIBA_EXPORT; wasm/CMakeLists.txt reads them from this
// file to build the link's export list, so a new export needs only its line here and its body.
// The page (web/page.js) calls them as Module._machiba_*; nothing else of the app is reachable.
// Coordinates crossing the bridge are CSS pixels; text is UTF-8.
#pragma once

#include <cstdint>

#define MACHIBA_EXPORT extern "C" __attribute__((used, visibility("default")))

// Pointer phases and kinds as the page sends them (web/page.js uses the same numbers).
namespace machiba::bridge {
enum PointerPhase : int { PointerDown = 0, PointerMove = 1, PointerUp = 2, PointerCancel = 3 };
enum PointerKind : int { PointerMouse = 0, PointerTouch = 1, PointerPen = 2 };
enum SoftKey : int { SoftKeyBackspace = 0, SoftKeyEnter = 1 };
} // namespace machiba::bridge

// ---- Exports: called by the page ---------------------------------------------------------------

// The canvas's CSS size and the device pixel ratio changed (also called once at start).
MACHIBA_EXPORT void machiba_resize(double css_width, double css_height, double pixel_ratio);

// A pointer event on the canvas, with the event's time stamp (event.timeStamp, in ms). Returns 1
// when an up lands on a text field, so that the page can focus its hidden text element while the
// tap still counts as a user gesture (phones raise the soft keyboard only then).
MACHIBA_EXPORT int machiba_pointer(
    int phase, int kind, double x, double y, int button, double time_ms);

// Committed text from the hidden text element (typing, IME composition end, paste).
MACHIBA_EXPORT void machiba_text(char const* utf8);

// Text pasted into the hidden text element (the browser hands it over only in a paste event).
MACHIBA_EXPORT void machiba_paste(char const* utf8);

// The text being composed by an IME, shown over the field until committed ("" when it ends).
MACHIBA_EXPORT void machiba_composition(char const* utf8);

// A key the soft keyboard produced without a key event the app saw (a SoftKey).
MACHIBA_EXPORT void machiba_key(int soft_key);

// Something outside the app changed (a wheel turn, focus, visibility): draw a few frames.
MACHIBA_EXPORT void machiba_wake();

// The browser's back button: go back to the screen at this history depth.
MACHIBA_EXPORT void machiba_history_pop(int depth);

// The widgets visible in the last frame, as JSON (see wasm/ui/inspector.hpp). Valid until the
// next call.
MACHIBA_EXPORT char const* machiba_inspect();

// How many frames the app has drawn: lets tests check that an idle page stays idle.
MACHIBA_EXPORT int machiba_frame_count();

// Store writes not yet committed to IndexedDB.
MACHIBA_EXPORT int machiba_store_pending();

// Called by bridge.js: the store's contents as a JSON object of strings (or "" when IndexedDB
// refused), and the count of writes it has just committed.
MACHIBA_EXPORT void machiba_store_loaded(char const* json);
MACHIBA_EXPORT void machiba_store_committed(int count);

// Called by bridge.js: the picture asked for with machiba_js_image_load, decoded to RGBA rows
// (width x height x 4 bytes, not premultiplied), or null with zero sizes when it failed.
MACHIBA_EXPORT void machiba_image_loaded(int handle, unsigned char const* rgba, int width,
    int height);

// ---- Imports: implemented in wasm/platform/bridge.js --------------------------------------------

extern "C" {

// A file the page downloaded before the app started ("font", "glyphs", "i18n"). Returns a
// malloc'd copy (the caller frees it) and its size, or null when the page has none.
void* machiba_js_boot_take(char const* name, int* size);

// The page's preferred languages, comma-separated (navigator.languages).
char const* machiba_js_languages();

// Sets <html lang> and the document title.
void machiba_js_set_document(char const* language, char const* title);

// The loading screen can go: the first frame is on the canvas.
void machiba_js_ready();

// A text field became active at this rectangle (CSS px) or stopped being active.
void machiba_js_text_begin(double x, double y, double width, double height);
void machiba_js_text_end();

void machiba_js_clipboard_write(char const* utf8);

// The mouse pointer over the canvas: a CSS cursor name ("default", "pointer", "text").
void machiba_js_set_cursor(char const* css_cursor);

// Opens tel:, mailto: and https: links; anything else is refused.
void machiba_js_open_url(char const* url);

// Saves a same-origin URL (cookies go with it) as a file named file_name: an export for staff.
void machiba_js_download(char const* url, char const* file_name);

// Leaves the app for a same-origin path or an https: address, replacing the current history
// entry so that the back button does not return (the health room's quick exit).
void machiba_js_leave(char const* url);

// Browser history mirrors the screen stack: push on open, back when the app's back is tapped.
void machiba_js_history_push(int depth, char const* route);
void machiba_js_history_back(int steps);

// The key-value store on IndexedDB: load all (answers with machiba_store_loaded), put, delete.
// Writes are batched into one transaction per turn of the event loop.
void machiba_js_store_open();
void machiba_js_store_put(char const* key, char const* value);
void machiba_js_store_delete(char const* key);

// Decodes a picture of this site (a relative path) or a data:image URL, at most 1280 pixels on
// its longer side; answers with machiba_image_loaded(handle, ...), then wakes the app.
void machiba_js_image_load(int handle, char const* source);

// The developer console (staff see the same lines in the app's log window).
void machiba_js_console(int level, char const* utf8);
}
