import type { DemoWorkspaceProgress } from '../server/simulate/demo-workspace';

/**
 * The screen shown while mock mode builds its demo workspace on a first start (a few seconds of
 * work on the page's one thread): plain DOM in #root, before React mounts and replaces it.
 */
export function showPreparingScreen(root: HTMLElement) {
  root.innerHTML = '';
  const box = document.createElement('main');
  box.style.cssText = 'max-width:28rem;margin:20vh auto;padding:0 1rem;font-family:system-ui,sans-serif;color:#1a1b1e';
  const heading = document.createElement('h1');
  heading.textContent = 'Preparing the demo workspace…';
  heading.style.cssText = 'font-size:1.25rem;font-weight:600';
  const detail = document.createElement('p');
  detail.textContent = 'Parameters, segments, app traffic and two weeks of a running experiment, generated in this tab. Only on the first visit.';
  detail.style.cssText = 'color:#495057;font-size:0.9rem';
  const bar = document.createElement('progress');
  bar.max = 100;
  bar.value = 0;
  bar.setAttribute('aria-label', 'Preparing the demo workspace');
  bar.style.cssText = 'width:100%;height:0.75rem';
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  status.style.cssText = 'font-size:0.85rem;color:#495057';
  box.append(heading, detail, bar, status);
  root.append(box);
  return {
    update({ step, done, total }: DemoWorkspaceProgress) {
      const percent = Math.round((done / Math.max(1, total)) * 100);
      bar.value = percent;
      status.textContent = `${percent}%: ${STEP_LABELS[step]}`;
    },
    remove() {
      box.remove();
    },
  };
}

const STEP_LABELS: Record<DemoWorkspaceProgress['step'], string> = {
  workspace: 'parameters, segments and targeting',
  'app traffic': 'app users evaluating flags',
  experiment: 'simulated users in the checkout-button experiment',
};
