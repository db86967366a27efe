// Package browsertest tests the demo site as a disabled reader would meet
// it: in a real browser, with a keyboard, on a narrow screen, and through an
// HTML validator. It sits after the whole pipeline: its tests build the demo
// site at the root of the repository in-process (build.Build with the
// embedded theme and --now 2026-11-23), serve the output on 127.0.0.1 with
// serve.Handler, and look at the result. The package has no code of its own
// outside its tests.
//
// What `go test ./internal/browsertest` checks:
//
//   - TestAxe loads one page of every kind (home, each section list, one
//     page of each content type and status, a taxonomy and a term, an
//     easy-read page, the accessibility statement, a yearly report and the
//     404 page) in headless Chromium, injects axe-core and runs the rules
//     tagged wcag2a, wcag2aa, wcag21a, wcag21aa and wcag22aa. Any violation
//     fails, listed with its rule, impact, help text, selectors and HTML.
//   - TestReflow loads the same pages 320 CSS pixels wide, as a small phone
//     and as a 1280 pixel screen zoomed to 400%, and fails when the document
//     scrolls sideways (WCAG 2.2 success criterion 1.4.10), naming the
//     elements that stick out.
//   - TestSkipLink presses Tab on the home page: the first stop must be the
//     "Skip to main content" link to #maincontent, visible on screen, and
//     Enter on it must move focus to <main id="maincontent">.
//   - TestSearch types "carers café" into /search/ with the keyboard and
//     presses Enter: the first result must be the carers' café event, the
//     live region must say "N results for carers café" and the list agree;
//     the Events filter must narrow the results, a search must load from
//     its address (?q=diagnostic&type=campaigns), a search with no results
//     must link to the A to Z, axe-core must find nothing with results
//     shown, and every request must go to the site itself.
//   - TestHTMLValidate runs html-validate over every built .html file.
//   - TestChecksCatchFaults runs the same checks on testdata/violations.html,
//     a page with known faults, so that a check that has stopped working
//     fails instead of passing the site.
//
// The browser is Debian's Chromium at /usr/bin/chromium, driven with
// github.com/chromedp/chromedp over its DevTools pipe, started with
// --headless --no-sandbox --disable-gpu --disable-background-networking
// --disable-component-update --no-first-run --disable-sync and a fresh
// --user-data-dir, so it makes no request beyond the loopback server.
// axe-core and html-validate come from npm, pinned by package.json and
// package-lock.json in this folder and installed into node_modules by
// `make browser-deps` (which `make test` runs first; it also installs
// Chromium with apt-get when it is missing). No tool here downloads a
// browser. When Chromium, node or node_modules is missing the tests fail,
// and say to run `make test`; nothing is skipped.
//
// html-validate uses .htmlvalidate.json in this folder: the
// "html-validate:recommended" rules with these changes, each for output that
// is deliberate and valid HTML (JSON has no comments, so the reasons are
// here):
//
//   - doctype-style off: the minifier writes <!doctype html> in lower case,
//     which the HTML standard allows (the doctype is case-insensitive).
//   - long-title off: titles follow the GOV.UK pattern "Page title - Site
//     name", whose length is the author's page title; the rule is about
//     search engine snippets, not validity or accessibility.
//   - valid-id relaxed: goldmark's footnotes have ids such as "fn:1"; the
//     HTML standard allows any id without spaces, and relaxed mode still
//     rejects empty ids and ids with whitespace.
//
// No accessibility rule of html-validate is turned off.
package browsertest
