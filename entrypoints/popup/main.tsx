import { render } from 'preact';

render(<main>Tally</main>, document.getElementById('app')!);
