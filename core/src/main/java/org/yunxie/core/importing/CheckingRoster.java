package org.yunxie.core.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.yunxie.core.roster.Household;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.roster.Roster;

/**
 * Checks a roster file line by line against the community's roster, before anything is written: what each
 * good line will do, and why each bad one will not be taken (bad unit label, missing or bad area, a unit
 * twice in the file, a unit already in another building, a contact whose role is unknown).
 */
@Service
public class CheckingRoster {

    // 7-2-301, A-1-1201, 12-3-0502: letters or digits in two to four parts joined by dashes.
    private static final Pattern UNIT = Pattern.compile("[0-9A-Za-z]{1,8}(-[0-9A-Za-z]{1,8}){1,3}");
    private static final Pattern AREA = Pattern.compile("\\d{1,5}(\\.\\d{1,2})?");
    private static final Set<String> TAKES_PART = Set.of("", "可参与", "正常", "已售", "自住", "出租");
    private static final Map<String, MemberRole> ROLES = Map.of("业主", MemberRole.OWNER, "租户", MemberRole.TENANT,
            "家属", MemberRole.FAMILY, "房东", MemberRole.LANDLORD, "owner", MemberRole.OWNER,
            "tenant", MemberRole.TENANT, "family", MemberRole.FAMILY, "landlord", MemberRole.LANDLORD);

    private final Roster roster;

    CheckingRoster(Roster roster) {
        this.roster = roster;
    }

    public RosterCheck check(long communityId, List<RosterRow> lines) {
        Map<Long, String> buildingNames = new HashMap<>();
        roster.buildings(communityId).forEach(b -> buildingNames.put(b.id(), b.name()));
        Map<String, Household> existing = new HashMap<>();
        roster.households(buildingNames.keySet()).forEach(h -> existing.put(h.unitLabel(), h));
        Set<String> seen = new HashSet<>();
        List<CheckedRow> rows = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        for (RosterRow line : lines) {
            String unit = clean(line.unitLabel()).replace('－', '-').replace('—', '-').toUpperCase(java.util.Locale.ROOT);
            String areaText = clean(line.area()).replace("㎡", "").replace("m²", "").strip();
            if (!UNIT.matcher(unit).matches()) {
                problems.add(new RowProblem(line.line(), unit, RowProblem.Problem.BAD_UNIT_LABEL, unit));
                continue;
            }
            if (areaText.isEmpty()) {
                problems.add(new RowProblem(line.line(), unit, RowProblem.Problem.MISSING_AREA, ""));
                continue;
            }
            if (!AREA.matcher(areaText).matches() || new BigDecimal(areaText).signum() <= 0) {
                problems.add(new RowProblem(line.line(), unit, RowProblem.Problem.BAD_AREA, areaText));
                continue;
            }
            if (!seen.add(unit)) {
                problems.add(new RowProblem(line.line(), unit, RowProblem.Problem.DUPLICATE, unit));
                continue;
            }
            String building = clean(line.building()).isEmpty() ? unit.substring(0, unit.indexOf('-')) + "号楼"
                    : clean(line.building());
            Household known = existing.get(unit);
            if (known != null && !buildingNames.get(known.buildingId()).equals(building)) {
                problems.add(new RowProblem(line.line(), unit, RowProblem.Problem.OTHER_BUILDING,
                        buildingNames.get(known.buildingId())));
                continue;
            }
            List<CheckedRow.Contact> contacts = contacts(clean(line.contacts()));
            if (contacts == null) {
                problems.add(new RowProblem(line.line(), unit, RowProblem.Problem.BAD_CONTACT, clean(line.contacts())));
                continue;
            }
            BigDecimal area = new BigDecimal(areaText).setScale(2);
            String status = clean(line.status());
            String ineligible = TAKES_PART.contains(status) ? null : status;
            CheckedRow.Effect effect = known == null ? CheckedRow.Effect.CREATE
                    : known.floorArea().compareTo(area) != 0 || !Objects.equals(known.ineligibleReason(), ineligible)
                    ? CheckedRow.Effect.UPDATE : CheckedRow.Effect.UNCHANGED;
            rows.add(new CheckedRow(line.line(), building, unit, area, ineligible, contacts, effect));
        }
        return new RosterCheck(rows, problems);
    }

    /** "张三 业主; 李四 租户" (also 、，, as separators, and a role in brackets); null when a role is unknown. */
    static List<CheckedRow.Contact> contacts(String text) {
        List<CheckedRow.Contact> contacts = new ArrayList<>();
        if (text.isEmpty()) {
            return contacts;
        }
        for (String part : text.split("[;；,，、]+")) {
            String[] words = part.replaceAll("[()（）]", " ").strip().split("\\s+");
            if (words.length == 0 || words[0].isEmpty()) {
                continue;
            }
            MemberRole role = words.length > 1 ? ROLES.get(words[words.length - 1].toLowerCase(java.util.Locale.ROOT))
                    : MemberRole.OWNER;
            String name = words.length > 1 ? String.join(" ", java.util.Arrays.copyOf(words, words.length - 1))
                    : words[0];
            if (role == null || name.length() > 50) {
                return null;
            }
            contacts.add(new CheckedRow.Contact(name, role));
        }
        return contacts;
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip();
    }
}
