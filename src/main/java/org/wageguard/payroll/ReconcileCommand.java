package org.wageguard.payroll;

import java.io.PrintStream;

/** Placeholder until the reconciliation engine lands: refuses to run rather than pretend. */
public final class ReconcileCommand {

    private ReconcileCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        err.println("对账引擎尚未实现");
        return 2;
    }
}
