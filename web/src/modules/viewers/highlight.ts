import type { HighlighterCore, ThemedToken } from 'shiki/core';

/**
 * Syntax highlighting with shiki's core and its JavaScript regex engine (no
 * WebAssembly), each grammar loaded the first time a file needs it, so the
 * dashboard's bundle carries none of them.
 */
const GRAMMARS: Record<string, () => Promise<{ default: unknown }>> = {
  python: () => import('shiki/dist/langs/python.mjs'),
  r: () => import('shiki/dist/langs/r.mjs'),
  julia: () => import('shiki/dist/langs/julia.mjs'),
  matlab: () => import('shiki/dist/langs/matlab.mjs'),
  javascript: () => import('shiki/dist/langs/javascript.mjs'),
  jsx: () => import('shiki/dist/langs/jsx.mjs'),
  typescript: () => import('shiki/dist/langs/typescript.mjs'),
  tsx: () => import('shiki/dist/langs/tsx.mjs'),
  json: () => import('shiki/dist/langs/json.mjs'),
  sql: () => import('shiki/dist/langs/sql.mjs'),
  shellscript: () => import('shiki/dist/langs/shellscript.mjs'),
  yaml: () => import('shiki/dist/langs/yaml.mjs'),
  toml: () => import('shiki/dist/langs/toml.mjs'),
  ini: () => import('shiki/dist/langs/ini.mjs'),
  css: () => import('shiki/dist/langs/css.mjs'),
  html: () => import('shiki/dist/langs/html.mjs'),
  xml: () => import('shiki/dist/langs/xml.mjs'),
  markdown: () => import('shiki/dist/langs/markdown.mjs'),
  latex: () => import('shiki/dist/langs/latex.mjs'),
  java: () => import('shiki/dist/langs/java.mjs'),
  c: () => import('shiki/dist/langs/c.mjs'),
  cpp: () => import('shiki/dist/langs/cpp.mjs'),
  go: () => import('shiki/dist/langs/go.mjs'),
  rust: () => import('shiki/dist/langs/rust.mjs'),
  make: () => import('shiki/dist/langs/make.mjs'),
  docker: () => import('shiki/dist/langs/docker.mjs'),
};

/** Above this, code is shown with line numbers but without colours, so a big file stays quick to open. */
const HIGHLIGHT_LIMIT = 512 * 1024;

export type HighlightedLine = ThemedToken[];

let highlighter: Promise<HighlighterCore> | null = null;

// GitHub's high-contrast themes: their colours keep 4.5:1 on the page and on the diff tints (--diff-*-text).

function load(): Promise<HighlighterCore> {
  highlighter ??= Promise.all([import('shiki/core'), import('shiki/engine/javascript'), import('shiki/dist/themes/github-light-high-contrast.mjs'), import('shiki/dist/themes/github-dark-high-contrast.mjs')]).then(
    ([{ createHighlighterCore }, { createJavaScriptRegexEngine }, light, dark]) =>
      createHighlighterCore({ themes: [light.default, dark.default], langs: [], engine: createJavaScriptRegexEngine({ forgiving: true }) }),
  );
  return highlighter;
}

/** Whether there is a grammar for this language id. */
export const canHighlight = (language: string | null): language is string => !!language && language in GRAMMARS;

/** Whether code this long (in characters) is shown without colours. */
export const tooLongToHighlight = (length: number): boolean => length > HIGHLIGHT_LIMIT;

/** Turns code into its lines of coloured tokens, synchronously: the caller decides how much to do at once. */
export type Tokenizer = (code: string) => HighlightedLine[];

/**
 * A tokenizer for the language once its grammar has loaded (light colours,
 * with the dark theme's in `--shiki-dark`), or `null` when there is no grammar.
 */
export async function tokenizerFor(language: string | null): Promise<Tokenizer | null> {
  if (!canHighlight(language)) return null;
  const core = await load();
  if (!core.getLoadedLanguages().includes(language)) {
    await core.loadLanguage((await GRAMMARS[language]()).default as Parameters<HighlighterCore['loadLanguage']>[0]);
  }
  const lang = language;
  return (code) => core.codeToTokens(code, { lang, themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' }, defaultColor: 'light' }).tokens;
}

/** The code's lines as coloured tokens, or `null` when there is no grammar or the code is too long. */
export async function highlightLines(code: string, language: string | null): Promise<HighlightedLine[] | null> {
  if (tooLongToHighlight(code.length)) return null;
  return (await tokenizerFor(language))?.(code) ?? null;
}
