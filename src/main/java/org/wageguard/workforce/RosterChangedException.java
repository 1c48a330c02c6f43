package org.wageguard.workforce;

/**
 * A confirmed full roster would now close other workers' employment than the preview the officer confirmed showed
 * (someone changed the roster in between): nothing is written, the officer must look again.
 */
public class RosterChangedException extends RuntimeException {

    public RosterChangedException() {
        super("预览之后该项目花名册已有变化，本次未导入任何数据，请重新上传并核对离场人员后再确认。");
    }
}
