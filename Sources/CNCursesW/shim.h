#ifndef CODIR_CNCURSESW_SHIM_H
#define CODIR_CNCURSESW_SHIM_H

// Wide-character curses: must be defined before the header.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
#include <ncursesw/curses.h>
#include <sys/ioctl.h>
#include <unistd.h>

// What Swift cannot import from curses.h: function-like macros, globals that Swift 6 rejects as unsafe
// shared mutable state, and variadic functions (text is formatted in Swift and written with
// mvwaddnwstr / waddnstr instead of printw).

static inline int codir_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline attr_t codir_a_normal(void) { return A_NORMAL; }
static inline attr_t codir_a_bold(void) { return A_BOLD; }
static inline attr_t codir_a_dim(void) { return A_DIM; }
static inline attr_t codir_a_reverse(void) { return A_REVERSE; }
static inline attr_t codir_a_underline(void) { return A_UNDERLINE; }
static inline int codir_key_f(int n) { return KEY_F(n); }

static inline WINDOW *codir_stdscr(void) { return stdscr; }
static inline int codir_colors(void) { return COLORS; }
static inline int codir_color_pairs(void) { return COLOR_PAIRS; }
static inline int codir_lines(void) { return LINES; }
static inline int codir_cols(void) { return COLS; }
static inline void codir_set_escdelay(int ms) { set_escdelay(ms); }

static inline void codir_getmaxyx(WINDOW *window, int *rows, int *columns) {
    getmaxyx(window, *rows, *columns);
}

// wcwidth is only declared under _XOPEN_SOURCE, which the system modules are not built with.
extern int wcwidth(wchar_t c);

/// Columns a character takes in the current locale (-1 when it is not printable there).
static inline int codir_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }

/// The size of the terminal on `fd` from the kernel (TIOCGWINSZ); returns 0 on success.
static inline int codir_terminal_size(int fd, int *rows, int *columns) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return -1;
    *rows = size.ws_row;
    *columns = size.ws_col;
    return 0;
}

/// Whether the current locale's character set is UTF-8 (after setlocale).
static inline int codir_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (codeset[0] == 'U' || codeset[0] == 'u') && (codeset[1] == 'T' || codeset[1] == 't')
        && (codeset[2] == 'F' || codeset[2] == 'f');
}

#endif
