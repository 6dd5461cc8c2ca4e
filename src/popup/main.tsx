import { render } from 'preact';
import { textDir, textLang } from '../shared/i18n';
import { App } from './App';

// Arabic reads right to left: the popup takes the direction of the language its texts are in.
document.documentElement.dir = textDir();
document.documentElement.lang = textLang();

render(<App />, document.getElementById('app')!);
