package org.yunxie.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Core stays a domain library: channels, web and rendering live in bot and admin, which depend on core. */
class ModuleBoundariesTest {

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(Path.of("target/classes"));

    @Test
    void coreDoesNotUseWxJavaServletsOrThymeleaf() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "me.chanjar..", "com.github.binarywang..", "jakarta.servlet..", "javax.servlet..",
                        "org.thymeleaf..", "org.springframework.web..")
                .check(core);
    }

    @Test
    void coreDoesNotDependOnTheModulesBuiltOnIt() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.yunxie.bot..", "org.yunxie.admin..")
                .check(core);
    }
}
