package org.yunxie.bot.demo;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.yunxie.core.account.AccountRequest;
import org.yunxie.core.account.Accounts;
import org.yunxie.core.account.ConsoleRole;
import org.yunxie.core.account.CreatingAccount;
import org.yunxie.core.account.IssuedPassword;
import org.yunxie.core.account.SettingUpAdministrator;
import org.yunxie.core.roster.Community;
import org.yunxie.core.roster.Roster;

/**
 * Gives the demo community console accounts on the first start with demo data: a street administrator
 * ({@value #ADMIN}) and a staff account ({@value #STAFF}) for 青石巷社区, with generated passwords printed once
 * in the start-up log, as the demo's binding codes are. Never without demo data, and never when any console
 * account exists: a real deployment creates its first administrator with the documented command.
 */
@Component
@WithDemoData
class DemoConsole {

    static final String ADMIN = "demo";
    static final String STAFF = "lijuan";
    private static final Logger log = LoggerFactory.getLogger(DemoConsole.class);

    private final Accounts accounts;
    private final SettingUpAdministrator setup;
    private final CreatingAccount creating;
    private final Roster roster;

    DemoConsole(Accounts accounts, SettingUpAdministrator setup, CreatingAccount creating, Roster roster) {
        this.accounts = accounts;
        this.setup = setup;
        this.creating = creating;
        this.roster = roster;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        Community demo = roster.communities().stream().filter(c -> c.name().equals(DemoPlace.COMMUNITY))
                .findFirst().orElse(null);
        if (demo == null || accounts.anyExists()) {
            return;
        }
        IssuedPassword admin = setup.create(ADMIN, "演示管理员", "演示街道").orElseThrow();
        IssuedPassword staff = creating.create(new AccountRequest(STAFF, "社工李娟", ConsoleRole.STAFF,
                List.of(demo.id())), admin.account()).orElseThrow();
        log.info("\n工作台 / staff console: /admin/login (演示账号, 首次登录须修改密码 / demo accounts, change the "
                        + "password at first sign-in)\n  {}（街道管理员）密码 {}\n  {}（社工）密码 {}",
                admin.account().username(), admin.password(), staff.account().username(), staff.password());
    }
}
