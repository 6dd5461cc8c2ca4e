import { render } from 'preact';
import { t } from '../shared/i18n';
import { App } from './App';

// The popup speaks the browser's UI language: its direction (Arabic reads right to left) and its
// language (fonts and line breaking) come from the same _locales the texts do.
document.documentElement.lang = t('@@ui_locale').replace('_', '-');
document.documentElement.dir = t('@@bidi_dir');

render(<App />, document.getElementById('app')!);
