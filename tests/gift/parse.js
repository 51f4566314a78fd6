// Reads a GIFT file with gift-pegjs and prints what it understood as JSON (used by
// tests/test_export_gift.py). A syntax error prints its message and location, exit 1.
"use strict";
const fs = require("fs");
const parser = require("gift-pegjs");

const text = fs.readFileSync(process.argv[2], "utf8");
try {
  process.stdout.write(JSON.stringify(parser.parse(text)));
} catch (err) {
  process.stdout.write(JSON.stringify({ error: String(err.message), location: err.location || null }));
  process.exit(1);
}
