import { render } from 'preact';
import '../../src/ui/tally.css';
import '../../src/ui/page.css';
import { OptionsPage } from '../../src/ui/OptionsPage';
import * as settings from '../../src/settings/storage';

render(<OptionsPage api={settings} />, document.getElementById('app')!);
