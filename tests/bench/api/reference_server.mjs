// The benchmark's reference: the two hot endpoints of Machiba's API written the plain Node.js
// way, on node:http and better-sqlite3, with the same durability as machiba-serve (WAL with
// synchronous=FULL: every acknowledged opinion is fsynced before the 201).
//
//   node reference_server.mjs DATABASE CAMPAIGN_FILE DEMOGRAPHICS_FILE
// Prints "listening on http://127.0.0.1:PORT" once ready (a free port is picked).
//
//   GET  /api/v1/campaigns/:id            the stored campaign with "accepting_opinions"
//   POST /api/v1/campaigns/:id/opinions   Idempotency-Key, validation, 201 after the commit
import http from "node:http";
import fs from "node:fs";
import crypto from "node:crypto";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const Database = require("better-sqlite3");

const [databasePath, campaignFile, demographicsFile] = process.argv.slice(2);
const seed = JSON.parse(fs.readFileSync(campaignFile, "utf8")).campaign;
const demographics = JSON.parse(fs.readFileSync(demographicsFile, "utf8"));
const districts = new Set(demographics.districts.map((d) => d.id));
const ageBands = new Set(demographics.age_bands.map((a) => a.id));

// 1. The database, as durable as machiba-serve's.
const db = new Database(databasePath);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
db.exec(`CREATE TABLE IF NOT EXISTS campaigns (id TEXT PRIMARY KEY, status TEXT NOT NULL,
    starts_at INTEGER NOT NULL, ends_at INTEGER NOT NULL, document TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS opinions (id INTEGER PRIMARY KEY, campaign_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL, request_hash TEXT NOT NULL, answers TEXT NOT NULL,
    age_band TEXT, district TEXT, received_at INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending', UNIQUE (campaign_id, idempotency_key))`);
db.prepare("INSERT OR REPLACE INTO campaigns VALUES (?, ?, ?, ?, ?)").run(seed.id, seed.status,
    Date.parse(seed.period.start), Date.parse(seed.period.end), JSON.stringify(seed));
const findCampaign = db.prepare("SELECT * FROM campaigns WHERE id = ?");
const findByKey = db.prepare(
    "SELECT id, request_hash, received_at, status FROM opinions WHERE campaign_id = ? AND idempotency_key = ?");
const insertOpinion = db.prepare(`INSERT INTO opinions (campaign_id, idempotency_key,
    request_hash, answers, age_band, district, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);

// 2. The same checks as shared/campaign's opinion validation, in short.
const codePoints = (text) => [...text].length;
function validate(body, campaign) {
    const problems = [];
    if (typeof body !== "object" || body === null || Array.isArray(body))
        return [{ pointer: "", code: "wrong_type" }];
    for (const key of Object.keys(body))
        if (!["answers", "age_band", "district"].includes(key))
            problems.push({ pointer: "/" + key, code: "unknown_field" });
    const answers = body.answers;
    if (typeof answers !== "object" || answers === null || Array.isArray(answers))
        return [...problems, { pointer: "/answers", code: "required" }];
    const questions = new Map(campaign.questions.map((q) => [q.id, q]));
    for (const [id, value] of Object.entries(answers)) {
        const question = questions.get(id);
        const pointer = "/answers/" + id;
        if (!question) { problems.push({ pointer, code: "unknown_question" }); continue; }
        const choices = new Set((question.choices || []).map((c) => c.id));
        if (question.type === "text") {
            if (typeof value !== "string") problems.push({ pointer, code: "wrong_type" });
            else if (codePoints(value) > (question.max_length || 400))
                problems.push({ pointer, code: "too_long" });
        } else if (question.type === "single") {
            if (typeof value !== "string") problems.push({ pointer, code: "wrong_type" });
            else if (!choices.has(value)) problems.push({ pointer, code: "unknown_choice" });
        } else if (question.type === "multiple") {
            if (!Array.isArray(value)) { problems.push({ pointer, code: "wrong_type" }); continue; }
            value.forEach((choice, i) => {
                if (!choices.has(choice)) problems.push({ pointer: pointer + "/" + i, code: "unknown_choice" });
            });
            if (new Set(value).size !== value.length) problems.push({ pointer, code: "duplicate_choice" });
            if (question.max_selections && value.length > question.max_selections)
                problems.push({ pointer, code: "too_many_choices" });
        } else if (!Number.isInteger(value) || value < 1 || value > 5) {
            problems.push({ pointer, code: "out_of_range" });
        }
    }
    for (const question of campaign.questions)
        if (question.required && (answers[question.id] === undefined ||
            (typeof answers[question.id] === "string" && answers[question.id].trim() === "")))
            problems.push({ pointer: "/answers/" + question.id, code: "required" });
    if (body.district != null && !districts.has(body.district))
        problems.push({ pointer: "/district", code: "unknown_district" });
    if (body.age_band != null && !ageBands.has(body.age_band))
        problems.push({ pointer: "/age_band", code: "unknown_age_band" });
    return problems;
}

// 3. The server.
function send(response, status, body, extra = {}) {
    const text = JSON.stringify(body);
    response.writeHead(status, { "Content-Type": "application/json; charset=utf-8",
        "Content-Length": Buffer.byteLength(text), ...extra });
    response.end(text);
}
const error = (response, status, code) => send(response, status, { error: { code, message: code } });
const receipt = (row, id) => ({ id: row.id, campaign_id: id,
    received_at: new Date(row.received_at).toISOString(), status: row.status });

const server = http.createServer((request, response) => {
    const match = /^\/api\/v1\/campaigns\/([a-z0-9_-]{1,64})(\/opinions)?$/.exec(request.url);
    if (!match) return error(response, 404, "not_found");
    const [, id, opinions] = match;
    const row = findCampaign.get(id);
    if (!row || !["published", "closed"].includes(row.status)) return error(response, 404, "not_found");
    const now = Date.now();
    const open = row.status === "published" && now >= row.starts_at && now < row.ends_at;

    if (!opinions && request.method === "GET") {
        const campaign = JSON.parse(row.document);
        campaign.accepting_opinions = open;
        return send(response, 200, campaign);
    }
    if (!opinions || request.method !== "POST") return error(response, 405, "method_not_allowed");

    const chunks = [];
    let size = 0;
    request.on("data", (chunk) => { size += chunk.length; if (size <= 65536) chunks.push(chunk); });
    request.on("end", () => {
        if (!(request.headers["content-type"] || "").startsWith("application/json"))
            return error(response, 415, "unsupported_media_type");
        if (size > 65536) return error(response, 413, "payload_too_large");
        const key = request.headers["idempotency-key"] || "";
        if (!/^[A-Za-z0-9_-]{8,128}$/.test(key)) return error(response, 428, "idempotency_key_required");
        let body;
        try {
            body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)));
        } catch {
            return error(response, 400, "malformed_json");
        }
        if (!open) return error(response, 409, "campaign_not_open");
        const problems = validate(body, JSON.parse(row.document));
        if (problems.length) return send(response, 422, { error: { code: "validation_failed", problems } });
        const answers = JSON.stringify(body.answers);
        const hash = crypto.createHash("sha256").update(answers + "|" + body.age_band + "|" + body.district).digest("hex");
        const earlier = findByKey.get(id, key);
        if (earlier) {
            if (earlier.request_hash !== hash) return error(response, 422, "idempotency_key_reused");
            return send(response, 201, receipt(earlier, id), { "Idempotent-Replayed": "true" });
        }
        // Autocommit: better-sqlite3 returns once the transaction is committed and fsynced.
        const result = insertOpinion.run(id, key, hash, answers, body.age_band ?? null,
            body.district ?? null, now);
        send(response, 201, receipt({ id: Number(result.lastInsertRowid), received_at: now, status: "pending" }, id));
    });
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => {
    console.log(`listening on http://127.0.0.1:${server.address().port}`);
});
process.on("SIGTERM", () => { server.close(); db.close(); process.exit(0); });
