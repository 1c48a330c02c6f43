package org.wageguard.identity;

/**
 * A function a module offers on the home page, shown to officers holding its permission. Modules declare
 * them as beans, so the home page lists exactly what is built, never a placeholder.
 */
public record ModuleEntry(int order, String titleKey, String descriptionKey, String href, String permission) {
}
