// LHC-Forms (npm `lforms`) as a clinic's form filler: for each job, render prepcheck's
// Questionnaire, merge prepcheck's QuestionnaireResponse into it, and write the response
// LHC-Forms exports back. One browser for all jobs; every file comes from node_modules
// through a server on 127.0.0.1, so nothing is fetched from the network.
//
// node round-trip.js JOBS.json   (JOBS.json: [{"questionnaire": P, "response": P, "out": P}])
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');
const puppeteer = require('puppeteer-core');

const LFORMS = path.join(__dirname, 'node_modules', 'lforms', 'dist', 'lforms');
const PAGE = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/webcomponent/styles.css"></head><body>
<div id="form"></div>
<script src="/webcomponent/assets/lib/zone.min.js"></script>
<script src="/webcomponent/runtime.js"></script>
<script src="/webcomponent/polyfills.js"></script>
<script src="/webcomponent/main.js"></script>
</body></html>`;
const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' };

// The page, and the files of lforms under it; nothing else.
function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (url.pathname === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return res.end(PAGE);
    }
    const file = path.join(LFORMS, path.normalize(url.pathname));
    if (!file.startsWith(LFORMS + path.sep) || !fs.existsSync(file)) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// In the page: the form with the response merged in, and what LHC-Forms exports from it.
async function roundTrip(questionnaire, response) {
  const element = document.getElementById('form');
  element.innerHTML = '';
  const form = LForms.Util.mergeFHIRDataIntoLForms(
    response, LForms.Util.convertFHIRQuestionnaireToLForms(questionnaire, 'R4'), 'R4');
  await LForms.Util.addFormToPage(form, element);
  return LForms.Util.getFormFHIRData('QuestionnaireResponse', 'R4', element);
}

async function main() {
  const jobs = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const server = await serve();
  const userData = fs.mkdtempSync(path.join(require('os').tmpdir(), 'prepcheck-lforms-'));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    userDataDir: userData,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.LForms && LForms.Util && LForms.Util.addFormToPage);
    // The FHIR part adds itself to LForms, so it comes once LForms is there.
    await page.addScriptTag({ url: '/fhir/R4/lformsFHIR.min.js' });
    await page.waitForFunction(() => LForms.Util.mergeFHIRDataIntoLForms);
    for (const job of jobs) {
      const questionnaire = JSON.parse(fs.readFileSync(job.questionnaire, 'utf8'));
      const response = JSON.parse(fs.readFileSync(job.response, 'utf8'));
      const out = await page.evaluate(roundTrip, questionnaire, response);
      fs.writeFileSync(job.out, JSON.stringify(out, null, 2) + '\n');
    }
  } finally {
    await browser.close();
    server.close();
    fs.rmSync(userData, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
