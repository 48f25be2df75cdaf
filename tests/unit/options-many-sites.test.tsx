// @vitest-environment happy-dom
import { useRenderRoot } from './render-root';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { OptionsPage, SHOWN_SITES, type OptionsApi } from '../../src/ui/OptionsPage';



const view = useRenderRoot();
const show = (api: OptionsApi) => view.show(<OptionsPage api={api} />);

async function search(query: string): Promise<void> {
  const input = view.root.querySelector('input[type="search"]') as HTMLInputElement;
  await act(() => {
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const names = () => [...view.root.querySelectorAll('.sites__name')].map((el) => el.textContent);

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
    expect(view.root.querySelector('[role="status"]')?.textContent).toBe('99,800 more sites: search to find one.');
    expect(view.root.querySelector('input[type="search"]')).not.toBeNull();
  });

  it('finds a site by part of its name, and turns it back on', async () => {
    await show(api);
    const search = view.root.querySelector('input[type="search"]') as HTMLInputElement;

    await act(() => {
      search.value = 'site099999';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => {
      (view.root.querySelector('button[aria-label="Turn Tally back on for site099999.example"]') as HTMLElement).click();
    });

    expect(names()).toEqual(['site099999.example']);
    expect(api.setSiteEnabled).toHaveBeenCalledWith('site099999.example', true);
  });

  it.each([
    ['a name as the address bar writes it', 'www.site012345.example', ['site012345.example']],
    ['a name in capitals, with spaces around', '  SITE012345.Example ', ['site012345.example']],
  ])('finds %s', async (_, query, found) => {
    await show(api);
    await search(query);

    expect(names()).toEqual(found);
  });

  it('says so when no site matches', async () => {
    await show(api);
    await search('nowhere.example');

    expect(names()).toEqual([]);
    expect(view.root.querySelector('[role="status"]')?.textContent).toBe('No site matches “nowhere.example”.');
  });

  it('has no search for a short list', async () => {
    await show({ ...api, getSettings: async () => ({ enabled: true, disabledSites: ['a.example'] }) });

    expect(names()).toEqual(['a.example']);
    expect(view.root.querySelector('input[type="search"]')).toBeNull();
  });
});
