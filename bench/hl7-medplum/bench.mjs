// Times @medplum/core Hl7Message.parse over every file of the shared HL7
// corpus, visiting every field, repetition, component and subcomponent the
// way Chartroom's BenchmarkParseFull does. Usage: node bench.mjs [DIR] [RUNS]
// @medplum/core 5 needs Node 22 (a global WebSocket); on older Node the
// package.json pins major version 4, whose HL7 parser is the same design.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Hl7Message } from '@medplum/core';

const dir = process.argv[2] || '../../../shared/data/hl7v2/messages';
const runs = Number(process.argv[3] || 7);
const texts = readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'latin1'));
const bytes = texts.reduce((n, t) => n + t.length, 0);

function visit(msg) {
  let n = 0;
  for (const seg of msg.segments) {
    for (let f = 0; f < seg.fields.length; f++) {
      const field = seg.fields[f];
      // components is [repetition][component]. @medplum/core 4 does not
      // decode escape sequences, so it does less work here than Chartroom.
      for (let r = 0; r < field.components.length; r++) {
        const comps = field.components[r];
        for (let c = 0; c < comps.length; c++) {
          const v = field.getComponent(c + 1, undefined, r);
          n += v.length;
          if (comps[c].indexOf(msg.context.subcomponentSeparator) >= 0) {
            for (const sub of comps[c].split(msg.context.subcomponentSeparator)) n += sub.length;
          }
        }
      }
    }
  }
  return n;
}

function pass() {
  let n = 0;
  for (const t of texts) n += visit(Hl7Message.parse(t));
  return n;
}

pass(); pass(); // warm up the JIT
const times = [];
for (let i = 0; i < runs; i++) {
  const t0 = process.hrtime.bigint();
  pass();
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`RESULT peer=medplum messages=${texts.length} bytes=${bytes} runs=${runs} median_ms=${median.toFixed(3)}`);
