// GNU readline for the gutbot REPL.
//
// Swift 6 rejects reading or writing readline's C globals (shared mutable
// state), and Debian's readline.pc adds flags SwiftPM refuses, so the few
// globals gutbot needs are set here by small inline shims instead.
#ifndef GUTBOT_CREADLINE_SHIM_H
#define GUTBOT_CREADLINE_SHIM_H

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <readline/readline.h>
#include <readline/history.h>

/// The Swift side's completion generator, in readline's generator shape.
typedef char *(*gb_generator_t)(const char *text, int state);

// The state the handlers share with the calls below. A `static` here would
// give every object file that includes this header its own copy (a release
// build splits the module into several), so the Ctrl-C handler would read a
// flag gb_readline never set and ignore Ctrl-C. Weak definitions are merged
// by the linker into one.
__attribute__((weak)) gb_generator_t gb_generator = NULL;
__attribute__((weak)) volatile sig_atomic_t gb_in_readline = 0;

static char **gb_attempted_completion(const char *text, int start, int end) {
    (void)start; (void)end;
    rl_attempted_completion_over = 1; // no filename completion as a fallback
    return gb_generator ? rl_completion_matches(text, gb_generator) : NULL;
}

/// Ctrl-C clears the line being edited and shows a fresh prompt, as shells do.
static void gb_on_sigint(int sig) {
    (void)sig;
    if (!gb_in_readline) return;
    ssize_t ignored = write(STDOUT_FILENO, "\n", 1);
    (void)ignored;
    rl_on_new_line();
    rl_replace_line("", 0);
    rl_redisplay();
}

/// Names the program for ~/.inputrc, installs completion and the Ctrl-C handler.
static inline void gb_readline_setup(const char *name, gb_generator_t generator) {
    rl_readline_name = name;
    gb_generator = generator;
    rl_attempted_completion_function = gb_attempted_completion;
    rl_completer_word_break_characters = " \t";
    rl_catch_signals = 0;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = gb_on_sigint;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
    // A parent may have started us with SIGINT blocked (a blocked mask is
    // inherited across exec); Ctrl-C must still reach the handler.
    sigset_t interrupt;
    sigemptyset(&interrupt);
    sigaddset(&interrupt, SIGINT);
    sigprocmask(SIG_UNBLOCK, &interrupt, NULL);
}

/// SIGTERM and SIGHUP end gutbot cleanly (status 0): the terminal is put
/// back as it was if readline had it, and nothing else needs saving, since
/// history is appended and a recording synced after every line.
static void gb_on_terminate(int sig) {
    (void)sig;
    if (gb_in_readline) {
        rl_deprep_terminal();
        ssize_t ignored = write(STDOUT_FILENO, "\n", 1);
        (void)ignored;
    }
    _exit(0);
}

/// Installs the SIGTERM and SIGHUP handlers.
static inline void gb_install_termination_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = gb_on_terminate;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    // As for SIGINT: a parent may have started us with these blocked.
    sigset_t terminate;
    sigemptyset(&terminate);
    sigaddset(&terminate, SIGTERM);
    sigaddset(&terminate, SIGHUP);
    sigprocmask(SIG_UNBLOCK, &terminate, NULL);
}

/// readline(3), marking the time inside it so Ctrl-C elsewhere does nothing.
static inline char *gb_readline(const char *prompt) {
    gb_in_readline = 1;
    char *line = readline(prompt);
    gb_in_readline = 0;
    return line;
}

#endif
