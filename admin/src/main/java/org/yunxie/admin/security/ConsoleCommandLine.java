package org.yunxie.admin.security;

import java.io.PrintStream;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.yunxie.admin.web.WithConsole;
import org.yunxie.core.account.IssuedPassword;
import org.yunxie.core.account.SettingUpAdministrator;
import org.yunxie.core.shared.Result;

/**
 * The operator's commands, run instead of the application (ConsoleCommandEnvironment starts it without web
 * server, jobs or demo data), printing a generated password once on the terminal and exiting:
 * <pre>
 * java -jar bot/target/yunxie-bot.jar --yunxie.console.create-admin=wangli --yunxie.console.street=鼓楼街道
 * java -jar bot/target/yunxie-bot.jar --yunxie.console.reset-password=wangli
 * </pre>
 * The password is printed, not logged: logs travel further than the operator's terminal.
 */
@Component
@WithConsole
class ConsoleCommandLine implements ApplicationRunner {

    static final String CREATE = "yunxie.console.create-admin";
    static final String RESET = "yunxie.console.reset-password";

    private final Environment environment;
    private final SettingUpAdministrator setup;
    private final ConfigurableApplicationContext context;

    ConsoleCommandLine(Environment environment, SettingUpAdministrator setup, ConfigurableApplicationContext context) {
        this.environment = environment;
        this.setup = setup;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        String create = environment.getProperty(CREATE);
        String reset = environment.getProperty(RESET);
        if (create == null && reset == null) {
            return;
        }
        int status = run(create, reset, System.out);
        System.exit(SpringApplication.exit(context, () -> status));
    }

    int run(String create, String reset, PrintStream out) {
        Result<IssuedPassword> result = create != null
                ? setup.create(create, environment.getProperty("yunxie.console.display-name", create),
                        environment.getProperty("yunxie.console.street", "街道办事处"))
                : setup.resetFromCommandLine(reset);
        if (result instanceof Result.Refused<IssuedPassword> refused) {
            out.println("未完成 / not done: " + refused.refusal().reason() + " " + refused.refusal().args());
            return 1;
        }
        IssuedPassword issued = result.orElseThrow();
        out.println();
        out.println("控制台账号 / console account: " + issued.account().username());
        out.println("初始密码（只显示这一次，首次登录后须修改）/ password (shown once, change it at first sign-in): "
                + issued.password());
        out.println("登录 / sign in at: /admin/login");
        out.println();
        return 0;
    }
}
