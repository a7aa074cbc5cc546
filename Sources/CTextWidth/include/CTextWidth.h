#ifndef FIELDBOOK_CTEXTWIDTH_H
#define FIELDBOOK_CTEXTWIDTH_H

/// Columns a Unicode scalar takes in the terminal, as the C library's wcwidth says
/// (the model ncursesw draws with): 0 for combining marks, 2 for wide glyphs, -1 when
/// the scalar is not printable in the current locale.
int fieldbook_wcwidth(unsigned int scalar);

/// Makes LC_CTYPE a UTF-8 locale: the environment's if it is one, else C.UTF-8.
/// Returns 1 when a UTF-8 locale is in force afterwards.
int fieldbook_use_utf8_ctype(void);

#endif
