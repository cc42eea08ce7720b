// Times the npm JSON Logic engines on the same batch as Machiba's: json-logic-engine (rules
// built once into functions) and json-logic-js (it interprets each time). Errors thrown by an
// engine for a rule it does not support are caught and counted.
import fs from 'node:fs';
import { LogicEngine } from 'json-logic-engine';
import jsonLogic from 'json-logic-js';

const [batchPath, countText] = process.argv.slice(2);
const batch = JSON.parse(fs.readFileSync(batchPath, 'utf8'));
const count = Number(countText);

function time(name, prepare) {
    const calls = batch.map((item) => prepare(item));
    let truthy = 0;
    let errors = 0;
    let index = 0;
    const start = process.hrtime.bigint();
    for (let i = 0; i < count; ++i) {
        try {
            if (calls[index]()) truthy++;
        } catch {
            errors++;
        }
        if (++index === calls.length) index = 0;
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    return { name, evaluations: count, seconds, per_second: count / seconds, truthy, errors };
}

const engine = new LogicEngine();
const results = [
    time('json-logic-engine', ({ rule, data }) => {
        try {
            const built = engine.build(rule);
            return () => built(data);
        } catch (error) {
            return () => { throw error; };
        }
    }),
    time('json-logic-js', ({ rule, data }) => () => jsonLogic.apply(rule, data)),
];
console.log(JSON.stringify(results));
