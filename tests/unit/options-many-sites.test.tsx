// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsPage, SHOWN_SITES, type OptionsApi } from '../../src/ui/OptionsPage';

let root: HTMLElement;

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

async function show(api: OptionsApi): Promise<void> {
  await act(async () => {
    render(<OptionsPage api={api} />, root);
  });
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

const names = () => [...root.querySelectorAll('.sites__name')].map((el) => el.textContent);

describe('OptionsPage with a huge list of disabled sites', () => {
  const sites = Array.from({ length: 100_000 }, (_, i) => `site${String(i).padStart(6, '0')}.example`);
  const api: OptionsApi = {
    getSettings: async () => ({ enabled: true, disabledSites: sites }),
    watchSettings: () => () => {},
    setEnabled: async () => {},
    setSiteEnabled: vi.fn(async () => {}),
  };

  it(`shows the first ${SHOWN_SITES}, says how many more, and offers a search`, async () => {
    await show(api);

    expect(names()).toEqual(sites.slice(0, SHOWN_SITES));
    expect(root.querySelector('[role="status"]')?.textContent).toBe('99,800 more sites: search to find one.');
    expect(root.querySelector('input[type="search"]')).not.toBeNull();
  });

  it('finds a site by part of its name, and turns it back on', async () => {
    await show(api);
    const search = root.querySelector('input[type="search"]') as HTMLInputElement;

    await act(() => {
      search.value = 'site099999';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => {
      (root.querySelector('button[aria-label="Turn Tally back on for site099999.example"]') as HTMLElement).click();
    });

    expect(names()).toEqual(['site099999.example']);
    expect(api.setSiteEnabled).toHaveBeenCalledWith('site099999.example', true);
  });

  it('has no search for a short list', async () => {
    await show({ ...api, getSettings: async () => ({ enabled: true, disabledSites: ['a.example'] }) });

    expect(names()).toEqual(['a.example']);
    expect(root.querySelector('input[type="search"]')).toBeNull();
  });
});
