// Runs axe-core in jsdom on each HTML file named and prints every
// violation as "FILE: RULE: HELP (N elements)". Exits 1 if there is any.
// Colour contrast cannot be measured without a real browser; jsdom lists
// it as incomplete, not as a violation.
const fs = require("fs");
const { JSDOM } = require("jsdom");
const axe = require("axe-core");

async function check(file) {
  const dom = new JSDOM(fs.readFileSync(file, "utf8"), { runScripts: "outside-only", pretendToBeVisual: true });
  dom.window.eval(axe.source);
  const results = await dom.window.axe.run(dom.window.document);
  for (const v of results.violations) {
    console.log(`${file}: ${v.id}: ${v.help} (${v.nodes.length} elements)`);
  }
  return results.violations.length;
}

(async () => {
  let total = 0;
  for (const file of process.argv.slice(2)) {
    total += await check(file);
  }
  console.log(`${total} violations in ${process.argv.length - 2} files`);
  process.exit(total > 0 ? 1 : 0);
})();
