import { render } from 'preact';
import '../../src/ui/tally.css';
import '../../src/ui/popup.css';
import { Popup } from '../../src/ui/Popup';
import { browserPopupApi } from '../../src/ui/popup-api';

const param = new URLSearchParams(location.search).get('tabId');
const tabId = param !== null && /^\d+$/.test(param) ? Number(param) : null;

render(<Popup api={browserPopupApi} tabId={tabId} />, document.getElementById('app')!);
