#ifndef FIELDBOOK_CNCURSESW_SHIM_H
#define FIELDBOOK_CNCURSESW_SHIM_H

// SwiftPM drops pkg-config's -D flags, so ask for the wide-character API here.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Globals that Swift 6 will not read directly.
static inline WINDOW *fb_stdscr(void) { return stdscr; }
static inline int fb_lines(void) { return LINES; }
static inline int fb_cols(void) { return COLS; }

// Attribute and key macros that do not import.
static inline attr_t fb_a_normal(void) { return A_NORMAL; }
static inline attr_t fb_a_bold(void) { return A_BOLD; }
static inline attr_t fb_a_dim(void) { return A_DIM; }
static inline attr_t fb_a_reverse(void) { return A_REVERSE; }
static inline attr_t fb_a_underline(void) { return A_UNDERLINE; }
static inline int fb_key_f(int n) { return KEY_F(n); }

// Puts one cell (a base character plus any combining marks) at row y, column x.
static inline int fb_put_cell(WINDOW *win, int y, int x, const wchar_t *text, attr_t attrs, int pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, 0, &pair) != OK) return ERR;
    return mvwadd_wch(win, y, x, &cell);
}

// The attributes of the cell at row y, column x (tests read a headless screen back with it).
static inline attr_t fb_cell_attributes(WINDOW *win, int y, int x) {
    cchar_t cell;
    wchar_t text[CCHARW_MAX + 1];
    attr_t attrs = 0;
    short pair = 0;
    if (mvwin_wch(win, y, x, &cell) != OK) return 0;
    if (getcchar(&cell, text, &attrs, &pair, NULL) == ERR) return 0;
    return attrs;
}

#endif
