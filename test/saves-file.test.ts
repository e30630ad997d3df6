// The save file: a versioned, checksummed replay. Damaged, truncated, tampered and too-new files are
// refused with a message that says which; older versions are migrated forward.
import { describe, expect, it } from "vitest";
import { checksumOf } from "../src/saves/checksum.js";
import { migrateToCurrent, SAVE_SCHEMA_VERSION, type Migration } from "../src/saves/migrations.js";
import { makeSaveFile, readSaveFile, SaveError, saveFileText, type SaveFile } from "../src/saves/save-file.js";

const save: SaveFile = makeSaveFile({
  name: "Before the plenum",
  savedAt: "2026-01-01T12:00:00.000Z",
  scenario: "october-1964",
  scenarioHash: "a".repeat(64),
  seed: 1964,
  whatIfs: ["loyal-kgb"],
  humanSeats: ["brezhnev"],
  decisions: [
    { seat: "brezhnev", kind: "weekly", key: "w0:weekly:0", choice: "lie-low" },
    { seat: "brezhnev", kind: "weekly", key: "w1:weekly:0", choice: "sound-out", target: "podgorny" },
  ],
  reached: { date: "1963-07-15", week: 2, done: false },
});
const text = saveFileText(save);

function refused(input: string): string {
  try {
    readSaveFile(input);
  } catch (error) {
    expect(error).toBeInstanceOf(SaveError);
    return (error as Error).message;
  }
  throw new Error("the save was accepted");
}

/** A copy with some fields changed and the checksum recomputed, as a careful forger would. */
function reChecksummed(changes: Record<string, unknown>): string {
  const fields: Record<string, unknown> = { ...JSON.parse(text), ...changes };
  fields.checksum = checksumOf(fields);
  return JSON.stringify(fields);
}

describe("a save file", () => {
  it("holds the replay, reads back unchanged, and carries a sha256 checksum", () => {
    expect(save.schemaVersion).toBe(SAVE_SCHEMA_VERSION);
    expect(save.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(readSaveFile(text)).toEqual(save);
  });

  it("does not depend on key order or whitespace", () => {
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(save).reverse()));
    expect(readSaveFile(reordered)).toEqual(save);
  });

  it("refuses an empty file", () => {
    expect(refused("")).toMatch(/empty/);
    expect(refused("  \n")).toMatch(/empty/);
  });

  it("refuses a truncated file, saying so", () => {
    for (const cut of [10, text.length / 2, text.length - 3]) expect(refused(text.slice(0, Math.floor(cut)))).toMatch(/truncated/);
  });

  it("refuses a corrupt file (not JSON)", () => {
    expect(refused("\u0000\u0001PK\u0003\u0004garbage")).toMatch(/corrupt: it is not valid JSON/);
    expect(refused(text.replace('"seed": 1964', '"seed": 19x64'))).toMatch(/corrupt|truncated/);
  });

  it("refuses what is not a Presidium save", () => {
    expect(refused('{"hello": "world"}')).toMatch(/not a Presidium save file/);
    expect(refused("[1, 2, 3]")).toMatch(/not a Presidium save file/);
  });

  it("refuses a tampered file: any edit breaks the checksum", () => {
    expect(refused(text.replace('"seed": 1964', '"seed": 1965'))).toMatch(/altered or damaged: its checksum does not match/);
    expect(refused(text.replace('"choice": "lie-low"', '"choice": "start-move"'))).toMatch(/checksum does not match/);
    expect(refused(text.replace('"key": "w1:weekly:0"', '"key": "w2:weekly:0"'))).toMatch(/checksum does not match/);
    expect(refused(text.replace(/"checksum": "sha256:[0-9a-f]{4}/, '"checksum": "sha256:0000'))).toMatch(/checksum does not match/);
    const { checksum: _dropped, ...withoutChecksum } = save;
    expect(refused(JSON.stringify(withoutChecksum))).toMatch(/no checksum/);
  });

  it("refuses a save from a newer version, asking for an update", () => {
    expect(refused(reChecksummed({ schemaVersion: SAVE_SCHEMA_VERSION + 1 }))).toContain(`newer version of Presidium (save format ${SAVE_SCHEMA_VERSION + 1}; this version reads formats up to ${SAVE_SCHEMA_VERSION})`);
  });

  it("refuses a save of model version 1, whose decisions the rebuilt rules cannot replay", () => {
    expect(SAVE_SCHEMA_VERSION).toBe(2);
    expect(refused(reChecksummed({ schemaVersion: 1 }))).toMatch(/^this save was made with model version 1 of Presidium.*cannot be replayed.*start a new game/);
  });

  it("refuses a checksummed file whose fields are malformed, naming the field", () => {
    expect(refused(reChecksummed({ seed: "1964" }))).toMatch(/corrupt: field "seed"/);
    expect(refused(reChecksummed({ decisions: [{ seat: "brezhnev" }] }))).toMatch(/corrupt: field "decisions.0.kind"/);
    // A decision must say which question it answers.
    expect(refused(reChecksummed({ decisions: [{ seat: "brezhnev", kind: "weekly", choice: "lie-low" }] }))).toMatch(/corrupt: field "decisions.0.key"/);
    expect(refused(reChecksummed({ schemaVersion: 0 }))).toMatch(/schemaVersion/);
  });

  it("refuses repeated seats or what-ifs, a blank name, an out-of-range seed and several human seats, saying which", () => {
    expect(refused(reChecksummed({ humanSeats: ["brezhnev", "brezhnev"] }))).toMatch(/field "humanSeats": the human seat "brezhnev" is listed twice/);
    expect(refused(reChecksummed({ whatIfs: ["loyal-kgb", "loyal-kgb"] }))).toMatch(/field "whatIfs": the what-if "loyal-kgb" is listed twice/);
    expect(refused(reChecksummed({ name: "   " }))).toMatch(/field "name": the save has no name \(or a name of only spaces\)/);
    expect(refused(reChecksummed({ name: "" }))).toMatch(/field "name": the save has no name/);
    expect(refused(reChecksummed({ seed: 2 ** 31 }))).toMatch(/field "seed": the seed must be from -2147483648 to 2147483647/);
    expect(refused(reChecksummed({ seed: -(2 ** 31) - 1 }))).toMatch(/field "seed": the seed must be from/);
    expect(refused(reChecksummed({ humanSeats: ["brezhnev", "khrushchev"] }))).toMatch(/one human seat only/);
    expect(readSaveFile(reChecksummed({ name: " Before the plenum ", seed: -(2 ** 31) })).name).toBe(" Before the plenum ");
  });

  it("refuses data nested far deeper than a save before parsing it, as not a save", () => {
    const deep = (n: number, open: string, close: string) => `${open.repeat(n)}${close.repeat(n)}`;
    const cases: [string, string][] = [
      ["a 10,000-deep array (20 KB)", deep(10_000, "[", "]")],
      ["a save-like object with a 10,000-deep field", `{"format":"presidium-save","schemaVersion":1,"checksum":"x","pad":${deep(10_000, "[", "]")}}`],
      ["10,000 nested objects", `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`],
      ["a real save with one field nested 17 deep", reChecksummed({ pad: JSON.parse(deep(16, "[", "]")) })],
    ];
    for (const [what, input] of cases) expect(refused(input), what).toMatch(/^this is not a Presidium save file: its data is nested more than 16 levels deep/);
    // At the limit the file is read, and refused for what it is.
    expect(refused(reChecksummed({ pad: JSON.parse(deep(15, "[", "]")) }))).toMatch(/^the save file is corrupt: Unrecognized key: "pad"/);
    // Brackets inside strings are text, not nesting.
    expect(readSaveFile(reChecksummed({ name: "[".repeat(100) })).name).toBe("[".repeat(100));
  });

  it("refuses a file too large to be a save", () => {
    expect(refused(`{"format":"presidium-save","pad":"${"x".repeat(600 * 1024)}"}`)).toMatch(/too large/);
  });
});

describe("migrations", () => {
  // The current format is 2; these stand for later ones (a v3 that renamed a field, a v4 that added one).
  const migrations: Migration[] = [
    { from: 2, migrate: ({ humanSeats, ...rest }) => ({ ...rest, seats: humanSeats }) },
    { from: 3, migrate: (fields) => ({ ...fields, notes: [] }) },
  ];

  it("bring an old save forward one version at a time, re-checksummed", () => {
    const v4 = migrateToCurrent(JSON.parse(text), migrations, 4);
    expect(v4.schemaVersion).toBe(4);
    expect(v4.seats).toEqual(["brezhnev"]);
    expect(v4.humanSeats).toBeUndefined();
    expect(v4.notes).toEqual([]);
    expect(v4.checksum).toBe(checksumOf(v4));
  });

  it("leave a current save alone", () => {
    expect(migrateToCurrent(JSON.parse(text), migrations)).toEqual(JSON.parse(text));
  });

  it("fail loudly when a step is missing, with a SaveError (refused with a reason, not a server failure)", () => {
    expect(() => migrateToCurrent(JSON.parse(text), [migrations[1]], 4)).toThrow(SaveError);
    expect(() => migrateToCurrent(JSON.parse(text), [migrations[1]], 4)).toThrow(/no migration from save format 2/);
  });
});
