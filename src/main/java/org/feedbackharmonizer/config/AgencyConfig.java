package org.feedbackharmonizer.config;

import java.util.Map;

/**
 * One agency's layout, bound from {@code config/agencies/<code>.yml}.
 *
 * @param file the YAML file name, for messages
 * @param code the agency code, as in the referral ledger
 * @param fields by field name, in the order written
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
        Map<String, FieldSpec> fields) {

    public FieldSpec field(String name) {
        return fields.get(name);
    }
}
