package org.wageguard;

import java.util.Arrays;

/** Dispatches the jar's command-line tools, which run without Spring, a database or a server. */
final class CommandLine {

    private CommandLine() {
    }

    static boolean handles(String[] args) {
        return args.length > 0 && "reconcile".equals(args[0]);
    }

    static int run(String[] args) {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "reconcile" -> org.wageguard.payroll.ReconcileCommand.run(rest, System.out, System.err);
            default -> 2;
        };
    }
}
