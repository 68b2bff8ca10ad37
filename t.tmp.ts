import { IsolatedSheetReader } from './apps/api/src/security/sheet-worker/isolated-task-sheet';
import { farRowSheet, manyRowsSheet, plainSheet } from './libs/plan/src/xlsx/testing/hostile-sheets';
(async () => {
  const r = new IsolatedSheetReader();
  for (const [k, b] of Object.entries({ plain: plainSheet([['A-1','保障措施','制定宣传方案','无废办','/','2023']]), farNoDim: farRowSheet(false), manyNoDim: manyRowsSheet(30000, false) })) {
    const t = Date.now();
    let maxLag = 0; let last = Date.now(); const iv = setInterval(() => { const n = Date.now(); maxLag = Math.max(maxLag, n - last - 10); last = n; }, 10);
    const out = await r.read(b).then(x => `ok ${x.tasks.length}`, e => `${e.code}: ${e.message.slice(0, 80)}`);
    clearInterval(iv);
    console.log(k, out, Date.now() - t, 'ms; max loop lag', maxLag);
  }
})();
