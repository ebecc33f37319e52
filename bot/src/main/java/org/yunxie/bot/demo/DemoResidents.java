package org.yunxie.bot.demo;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yunxie.core.roster.BindingCode;
import org.yunxie.core.roster.BindingMember;
import org.yunxie.core.roster.ChatIdentity;
import org.yunxie.core.roster.IdentityKind;
import org.yunxie.core.roster.IssuingBindingCode;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.shared.Channel;

/**
 * Binds the demo residents the only way anyone gets bound: staff issue a code for a household, the person
 * redeems it from a chat identity. Among them an owner of two units, a family member, tenants, a WeChat
 * contact outside the company (external userid), and the landlord of 7-2-301, who lives elsewhere and is
 * known only by an official-account openid while a tenant lives in the flat. The names are made up.
 */
@Component
@WithDemoData
class DemoResidents {

    static final String LANDLORD_OPENID = "oQx7d0DemoLandlord72301";
    static final String TWO_UNIT_OWNER = "demo.zhangwei";
    /** Codes left for a visitor to try; a year, so a demo started later still has them. */
    static final List<String> UNUSED_CODE_LABELS = List.of("7-3-502", "7-4-601", "8-1-401");
    private static final Duration TRY_CODES_VALID = Duration.ofDays(365);
    private static final Duration REDEEMED_AT_ONCE = Duration.ofDays(7);

    private record Resident(String label, MemberRole role, IdentityKind kind, String id, String name) {
    }

    private static final List<Resident> RESIDENTS = List.of(
            new Resident("7-1-101", MemberRole.OWNER, IdentityKind.WECOM_USER, TWO_UNIT_OWNER, "张伟"),
            new Resident("7-1-102", MemberRole.OWNER, IdentityKind.WECOM_USER, TWO_UNIT_OWNER, "张伟"),
            new Resident("7-1-201", MemberRole.OWNER, IdentityKind.WECOM_USER, "demo.liping", "李萍"),
            new Resident("7-1-201", MemberRole.FAMILY, IdentityKind.WECOM_USER, "demo.lixiaoyu", "李小雨"),
            new Resident("7-1-302", MemberRole.OWNER, IdentityKind.WECOM_USER, "demo.wangjun", "王军"),
            new Resident("7-2-301", MemberRole.TENANT, IdentityKind.WECOM_USER, "demo.chenjing", "陈静"),
            new Resident("7-2-301", MemberRole.LANDLORD, IdentityKind.MP_OPENID, LANDLORD_OPENID, "赵先生"),
            new Resident("7-2-402", MemberRole.OWNER, IdentityKind.WECOM_USER, "demo.liuyang", "刘洋"),
            new Resident("7-3-101", MemberRole.OWNER, IdentityKind.WECOM_USER, "demo.sunli", "孙丽"),
            new Resident("7-3-601", MemberRole.TENANT, IdentityKind.WECOM_USER, "demo.zhouqiang", "周强"),
            new Resident("7-4-202", MemberRole.OWNER, IdentityKind.WECOM_USER, "demo.wuhua", "吴华"),
            new Resident("7-4-501", MemberRole.OWNER, IdentityKind.WECOM_EXTERNAL, "wmDemoExt74501", "郑阿姨"),
            new Resident("8-1-101", MemberRole.OWNER, IdentityKind.WECOM_USER, "demo.huangmin", "黄敏"),
            new Resident("8-1-201", MemberRole.OWNER, IdentityKind.WECOM_USER, "demo.xuling", "徐玲"),
            new Resident("8-1-501", MemberRole.OWNER, IdentityKind.WECOM_USER, "demo.madaye", "马大爷"),
            new Resident("8-2-101", MemberRole.OWNER, IdentityKind.WECOM_USER, "demo.heping", "何平"),
            new Resident("8-2-301", MemberRole.TENANT, IdentityKind.WECOM_USER, "demo.gaofeng", "高峰"));

    private final IssuingBindingCode issuing;
    private final BindingMember binding;

    DemoResidents(IssuingBindingCode issuing, BindingMember binding) {
        this.issuing = issuing;
        this.binding = binding;
    }

    /** Binds everyone; returns member ids by chat identity id (userid, external userid or openid). */
    Map<String, Long> bind(DemoPlace place) {
        Map<String, Long> members = new HashMap<>();
        for (Resident resident : RESIDENTS) {
            BindingCode code = issue(place, resident.label(), resident.role(), REDEEMED_AT_ONCE);
            long memberId = binding.bind(new ChatIdentity(resident.kind(), resident.id()), resident.name(),
                    code.code(), channelOf(resident.kind())).orElseThrow().memberId();
            members.put(resident.id(), memberId);
        }
        return members;
    }

    /** Issues the codes nobody redeems, for a visitor to bind with. */
    List<BindingCode> leaveCodesToTry(DemoPlace place) {
        return UNUSED_CODE_LABELS.stream().map(label -> issue(place, label,
                label.equals("7-4-601") ? MemberRole.TENANT : MemberRole.OWNER, TRY_CODES_VALID)).toList();
    }

    private BindingCode issue(DemoPlace place, String label, MemberRole role, Duration validFor) {
        return issuing.issue(place.household(label).id(), role, validFor, DemoPlace.STAFF, Channel.CONSOLE)
                .orElseThrow();
    }

    private static Channel channelOf(IdentityKind kind) {
        return switch (kind) {
            case WECOM_USER -> Channel.WECOM_APP;
            case WECOM_EXTERNAL -> Channel.H5;
            case MP_OPENID -> Channel.OFFICIAL_ACCOUNT;
        };
    }
}
