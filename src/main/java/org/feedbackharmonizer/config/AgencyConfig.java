package org.feedbackharmonizer.config;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One agency's layout, bound from {@code config/agencies/<code>.yml}. An agency that changed its export (a new
 * case system, a spreadsheet replaced by a text extract) has several: this record is the first, and {@code
 * otherLayouts} holds the rest, each with its own files, sheets, header, skip rules, values and fields, and
 * this one's code, jurisdiction and agreement.
 *
 * @param file the YAML file name, for messages
 * @param code the agency code, as in the referral ledger
 * @param fields by field name, in the order written
 * @param otherLayouts the agency's further layouts, in the order written (empty for one layout)
 * @param version the SHA-256 (first 16 hex) of the YAML file it was read from, or null: each loaded file records
 *     it, so that a run can tell that the configuration changed after the agency's files were read
 */
public record AgencyConfig(
        String file,
        String code,
        String name,
        String jurisdiction,
        AgreementConfig agreement,
        FileSpec files,
        SheetSelection sheets,
        HeaderSpec header,
        SkipRules skip,
        ValueDefaults values,
        Map<String, FieldSpec> fields,
        List<AgencyConfig> otherLayouts,
        String version) {

    public AgencyConfig {
        otherLayouts = List.copyOf(otherLayouts);
    }

    /** An agency with one layout. */
    public AgencyConfig(
            String file,
            String code,
            String name,
            String jurisdiction,
            AgreementConfig agreement,
            FileSpec files,
            SheetSelection sheets,
            HeaderSpec header,
            SkipRules skip,
            ValueDefaults values,
            Map<String, FieldSpec> fields) {
        this(file, code, name, jurisdiction, agreement, files, sheets, header, skip, values, fields, List.of(), null);
    }

    /** This configuration, and each of its layouts, as read from a file of the given version. */
    public AgencyConfig withVersion(String fileVersion) {
        return new AgencyConfig(
                file,
                code,
                name,
                jurisdiction,
                agreement,
                files,
                sheets,
                header,
                skip,
                values,
                fields,
                otherLayouts.stream().map(l -> l.withVersion(fileVersion)).toList(),
                fileVersion);
    }

    public FieldSpec field(String name) {
        return fields.get(name);
    }

    /** Every layout: this one first, then the others in the order written. */
    public List<AgencyConfig> layouts() {
        List<AgencyConfig> all = new ArrayList<>(1 + otherLayouts.size());
        all.add(this);
        all.addAll(otherLayouts);
        return all;
    }

    /** The globs of every layout: the agency's files in the inbox. */
    public List<String> globs() {
        return layouts().stream()
                .filter(l -> l.files() != null)
                .flatMap(l -> l.files().globs().stream())
                .toList();
    }

    /**
     * The layout that reads {@code file}: the first whose glob takes the file's name relative to the input folder
     * (or, for a path elsewhere, its last folders and name), else the first layout.
     */
    public AgencyConfig layoutFor(Path file) {
        if (otherLayouts.isEmpty()) {
            return this;
        }
        for (AgencyConfig layout : layouts()) {
            if (layout.files() != null && layout.files().globs().stream().anyMatch(g -> takes(g, file))) {
                return layout;
            }
        }
        return this;
    }

    private static boolean takes(String glob, Path file) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        Path p = file.normalize();
        for (int start = 0; start < p.getNameCount(); start++) {
            if (matcher.matches(p.subpath(start, p.getNameCount()))) {
                return true;
            }
        }
        return false;
    }
}
