import { render, type VNode } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';

/** Where a suite's components are rendered: a fresh element per test, and how to render into it. */
export interface RenderRoot {
  /** The test's element, in the document. */
  readonly root: HTMLElement;
  /** Renders `vnode` into `root` and lets the component's promises settle. */
  show(vnode: VNode): Promise<void>;
}

/** Gives each test of the suite a fresh element to render into, emptied and removed after it. */
export function useRenderRoot(): RenderRoot {
  let root: HTMLElement | undefined;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    if (root) render(null, root);
    root?.remove();
  });
  return {
    get root() {
      if (!root) throw new Error('useRenderRoot: root is only there during a test');
      return root;
    },
    async show(vnode) {
      const target = this.root;
      await act(async () => {
        render(vnode, target);
      });
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 0));
      });
    },
  };
}
