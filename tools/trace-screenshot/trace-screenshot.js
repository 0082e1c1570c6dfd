// Screenshots one CSV row's trace (ingest → send → process, its events scored and stored) in the Aspire dashboard.
// Usage, with `dotnet run --project Churn.AppHost` running in embedded mode (after the start-up replay):
//   cd tools/trace-screenshot && npm ci && node trace-screenshot.js <dashboard login token> ../../docs/images/trace-embedded.png
// The token is the t=... of the "Login to the dashboard at http://localhost:18888/login?t=..." line the AppHost prints.
// Uses Debian's Chromium (/usr/bin/chromium); playwright-core never downloads a browser.
const { chromium } = require('playwright-core');

(async () => {
  const [token, out = 'trace-embedded.png'] = process.argv.slice(2);
  if (!token) throw new Error('usage: node trace-screenshot.js <dashboard login token> [output.png]');
  const dashboard = process.env.DASHBOARD_URL ?? 'http://localhost:18888';
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1700, height: 950 } });
  await page.goto(`${dashboard}/login?t=${token}`);
  await page.waitForTimeout(1500);

  // Traces with a span whose churn.ingest.origin names the test file: CSV rows, not the synthetic trickle.
  await page.goto(`${dashboard}/traces?filters=${encodeURIComponent('churn.ingest.origin:contains:bigml')}`);
  await page.getByText('api: ingest').nth(5).click();
  await page.waitForTimeout(2500);

  // Dismiss the development-certificate notice (not relevant to the trace): its close button is at the bar's right end.
  if (await page.getByText('No trusted development certificate').count()) {
    await page.mouse.click(page.viewportSize().width - 33, 81);
    await page.waitForTimeout(500);
  }

  // Open the process span so its events (scored, stored) and its attributes show beside the waterfall.
  // (the dashboard names messaging spans by system and destination: the send span first, then the process span)
  await page.locator('text=churn.embedded churn.customers >> visible=true').nth(1).click();
  await page.waitForTimeout(2000);
  // Scroll the details to the span's events (scored, stored).
  await page.getByText('Events', { exact: true }).last().scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await page.screenshot({ path: out });
  console.log(`${page.url()} → ${out}`);
  await browser.close();
})();
