// node axe.js PAGE.html...: each page opened in the system's Chromium, kept off the network,
// checked by axe-core; prints {"page": ..., "violations": [...]} a line.
const puppeteer = require("puppeteer-core");
const axe = require("axe-core");
const path = require("path");

(async () => {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  try {
    for (const file of process.argv.slice(2)) {
      const page = await browser.newPage();
      await page.goto("file://" + path.resolve(file));
      await page.addScriptTag({ content: axe.source });
      const result = await page.evaluate(async () => await axe.run(document));
      const violations = result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.html) }));
      console.log(JSON.stringify({ page: file, violations }));
      await page.close();
    }
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
