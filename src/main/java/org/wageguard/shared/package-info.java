/** Value types every module shares (ID numbers, credit codes, cards, phones, regions, money) and field encryption; open so that {@code shared.crypto} and {@code shared.imports} are usable everywhere. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.wageguard.shared;
