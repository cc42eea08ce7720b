#!/usr/bin/python3
"""Builds the site the server serves: the page from web/, the app under content-hashed names, a
Japanese font subset, the translation catalogs merged into one bundle, the assets, and a .gz
beside every compressible file so that the server can send it precompressed.

Run by CMake (target machiba_site) with Debian's /usr/bin/python3, which has fontTools."""

import argparse
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

COMPRESSIBLE = {".js", ".wasm", ".ttf", ".json", ".jsonl", ".css", ".html", ".txt", ".svg",
                ".webmanifest", ".md", ".csv"}
I18N_AREAS = ["common", "home", "rules", "health", "campaigns", "staff", "analysis"]
I18N_LANGUAGES = ["ja", "en"]
TEXT_SUFFIXES = {".json", ".md", ".txt", ".csv"}
SERVICE_WORKER = "sw.js"


def fail(message):
    print(f"build_site: error: {message}", file=sys.stderr)
    sys.exit(1)


def content_hash(data):
    return hashlib.sha256(data).hexdigest()[:12]


def write_if_changed(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_bytes() == data:
        return
    path.write_bytes(data)


def jis_x0208_characters(first_row, last_row):
    """The characters of JIS X 0208 rows first_row..last_row (row 16-47: level 1 kanji, 48-84:
    level 2), read through Python's EUC-JP codec so that no table is copied into this script."""
    characters = []
    for row in range(first_row, last_row + 1):
        for cell in range(1, 95):
            try:
                characters.append(bytes([0xA0 + row, 0xA0 + cell]).decode("euc_jp"))
            except UnicodeDecodeError:
                pass
    return characters


def characters_in_assets(assets):
    found = set()
    for path in sorted(assets.rglob("*")):
        if path.is_file() and path.suffix in TEXT_SUFFIXES:
            try:
                found.update(path.read_text(encoding="utf-8"))
            except UnicodeDecodeError:
                fail(f"{path} is not UTF-8")
    return {c for c in found if ord(c) >= 0x20}


def load_catalogs(assets):
    """Merges assets/i18n/<language>/<area>.json into {language: {"area.key": text}}. A catalog
    is a flat JSON object of strings; keys are prefixed with the file's area."""
    bundle = {}
    keys_by_language = {}
    for language in I18N_LANGUAGES:
        merged = {}
        folder = assets / "i18n" / language
        for path in sorted(folder.glob("*.json")) if folder.exists() else []:
            area = path.stem
            if area not in I18N_AREAS:
                fail(f"{path}: unknown area '{area}' (areas: {', '.join(I18N_AREAS)})")
            try:
                entries = json.loads(path.read_text(encoding="utf-8"))
            except json.JSONDecodeError as error:
                fail(f"{path}:{error.lineno}:{error.colno}: {error.msg}")
            if not isinstance(entries, dict):
                fail(f"{path}: a catalog is one JSON object of strings")
            for key, text in entries.items():
                if not isinstance(text, str):
                    fail(f"{path}: /{key} is not a string")
                merged[f"{area}.{key}"] = text
        bundle[language] = merged
        keys_by_language[language] = set(merged)
    for language in I18N_LANGUAGES:
        for other in I18N_LANGUAGES:
            missing = sorted(keys_by_language[other] - keys_by_language[language])
            for key in missing:
                print(f"build_site: warning: {language} lacks '{key}' (present in {other})",
                      file=sys.stderr)
    return bundle


def subset_font(args, characters, work):
    """pyftsubset is slow (seconds), so it runs only when the character set changes."""
    work.mkdir(parents=True, exist_ok=True)
    text = "".join(sorted(characters))
    stamp = work / "font-characters.txt"
    output = work / "machiba-jp.ttf"
    source_stamp = f"{args.font}:{os.path.getmtime(args.font)}\n"
    wanted = source_stamp + text
    if output.exists() and stamp.exists() and stamp.read_text(encoding="utf-8") == wanted:
        return output.read_bytes()
    unicodes = ",".join(f"U+{ord(c):04X}" for c in sorted(characters))
    (work / "unicodes.txt").write_text(unicodes, encoding="ascii")
    command = [args.pyftsubset, args.font, f"--unicodes-file={work / 'unicodes.txt'}",
               f"--output-file={output}", "--no-hinting", "--layout-features=",
               "--drop-tables+=GSUB,GPOS,GDEF,BASE,JSTF,DSIG,vhea,vmtx,gasp,prep,fpgm,cvt",
               "--name-IDs=0,1,2,3,4,5,6,13,14", "--notdef-outline"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"pyftsubset failed: {result.stderr.strip()}")
    stamp.write_text(wanted, encoding="utf-8")
    return output.read_bytes()


def gzip_beside(path):
    if path.suffix not in COMPRESSIBLE or path.stat().st_size < 512:
        return
    data = path.read_bytes()
    packed = gzip.compress(data, compresslevel=9, mtime=0)
    if len(packed) < len(data) * 0.9:
        write_if_changed(path.with_name(path.name + ".gz"), packed)


def main():
    parser = argparse.ArgumentParser()
    for name in ["web", "assets", "app", "font", "pyftsubset", "work", "out"]:
        parser.add_argument(f"--{name}", required=True)
    args = parser.parse_args()
    web, assets, app = Path(args.web), Path(args.assets), Path(args.app)
    out, work = Path(args.out), Path(args.work)

    # 1. Start from an empty site so that no stale hashed file lingers.
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)

    # 2. The characters: kana, symbols and all kanji of JIS X 0208 (levels 1 and 2), full-width
    #    forms, ASCII, and whatever the assets use. The atlas the app bakes at start holds level 1
    #    and the assets' characters (glyphs.txt); level 2 is in the font for text typed later.
    ascii_characters = {chr(c) for c in range(0x20, 0x7F)}
    kana = {chr(c) for c in range(0x3040, 0x3100)} | {chr(c) for c in range(0x31F0, 0x3200)}
    full_width = {chr(c) for c in range(0xFF01, 0xFFA0)}
    symbols = set(jis_x0208_characters(1, 8)) | {chr(c) for c in range(0x3000, 0x3040)}
    extra = {"\u2026", "\u2190", "\u2192", "\u2713", "\u2715", "\u2261", "\u00b7", "\u00d7",
             "\u00a5", "\u2022", "\u25b2", "\u25bc", "\u25b6", "\u25c0", "\u00a9"}
    level1 = set(jis_x0208_characters(16, 47))
    level2 = set(jis_x0208_characters(48, 84))
    used = characters_in_assets(assets)
    base = ascii_characters | kana | full_width | symbols | extra | level1 | used
    font_characters = base | level2

    # 3. The app, the font and the data, under content-hashed names.
    bundle = load_catalogs(assets)
    files = {}

    def emit(role, name, data):
        stem, dot, suffix = name.rpartition(".")
        hashed = f"{stem}.{content_hash(data)}.{suffix}"
        write_if_changed(out / hashed, data)
        files[role] = {"url": hashed, "bytes": len(data)}
        return hashed

    app_js = (app / "machiba.js").read_bytes()
    app_wasm = (app / "machiba.wasm").read_bytes()
    emit("wasm", "machiba.wasm", app_wasm)
    emit("app", "machiba.js", app_js)
    emit("font", "machiba-jp.ttf", subset_font(args, font_characters, work))
    glyphs = "".join(sorted(c for c in base if ord(c) > 0x7F))
    emit("glyphs", "glyphs.txt", glyphs.encode("utf-8"))
    emit("i18n", "i18n.json", json.dumps(bundle, ensure_ascii=False, sort_keys=True,
                                         separators=(",", ":")).encode("utf-8"))

    # 4. The page's own files. JS and CSS get hashed names too; index.html is rewritten to point
    #    at them and carries the list of app files (with their sizes, for the progress bar).
    renamed = {}
    for path in sorted(web.rglob("*")):
        if not path.is_file() or path.name in {"index.html", SERVICE_WORKER}:
            continue
        relative = path.relative_to(web).as_posix()
        data = path.read_bytes()
        if path.suffix in {".js", ".css"}:
            stem, suffix = relative.rsplit(".", 1)
            target = f"{stem}.{content_hash(data)}.{suffix}"
        else:
            target = relative
        renamed[relative] = target
        write_if_changed(out / target, data)

    html = (web / "index.html").read_text(encoding="utf-8")
    for original, target in renamed.items():
        html = re.sub(rf'(src|href)="{re.escape(original)}"', rf'\1="{target}"', html)
    manifest = json.dumps(files, sort_keys=True, separators=(",", ":"))
    marker = '<script type="application/json" id="machiba-files">{}</script>'
    if marker not in html:
        fail("web/index.html lacks the machiba-files marker")
    html = html.replace(marker, marker.replace("{}", manifest))
    write_if_changed(out / "index.html", html.encode("utf-8"))

    # 4b. The service worker keeps its name (a page registers it by address) and learns the
    #     files to keep offline; the version changes whenever one of them does.
    offline = sorted({entry["url"] for entry in files.values()} | set(renamed.values()))
    version = content_hash("\n".join(offline).encode("utf-8") + html.encode("utf-8"))
    worker_source = (web / SERVICE_WORKER).read_text(encoding="utf-8")
    placeholder = "const machibaBuild = {version: 'development', files: []};"
    if placeholder not in worker_source:
        fail(f"web/{SERVICE_WORKER} lacks the line: {placeholder}")
    build = json.dumps({"version": version, "files": offline}, separators=(",", ":"))
    worker_source = worker_source.replace(placeholder, f"const machibaBuild = {build};")
    write_if_changed(out / SERVICE_WORKER, worker_source.encode("utf-8"))

    # 5. The assets, for the app to fetch (packs, catalogs); fonts/ holds only notes.
    for path in sorted(assets.rglob("*")):
        if path.is_file() and "fonts" not in path.relative_to(assets).parts[:1]:
            target = out / "assets" / path.relative_to(assets)
            write_if_changed(target, path.read_bytes())

    # 5b. The opinion analysis worker (wasm/worker, issue 6): one self-contained script.
    worker = app / "analysis_worker.js"
    if worker.exists():
        write_if_changed(out / "analysis_worker.js", worker.read_bytes())

    # 6. Precompressed copies.
    for path in sorted(out.rglob("*")):
        if path.is_file() and path.suffix != ".gz":
            gzip_beside(path)

    sizes = ", ".join(f"{role} {entry['bytes'] // 1024} KiB" for role, entry in sorted(
        files.items()))
    print(f"build_site: {out}: {sizes}")


if __name__ == "__main__":
    main()
