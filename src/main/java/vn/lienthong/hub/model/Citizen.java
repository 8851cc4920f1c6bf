package vn.lienthong.hub.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A citizen as the hub's canonical model describes it, whatever national system supplied the data.
 *
 * @param personalId          the 12-digit personal identification number (số định danh cá nhân)
 * @param oldIdNumber         the 9-digit identity card number (CMND) where the source still holds one
 * @param taxCode             the personal tax code where known
 * @param fullName            the full name, Unicode NFC
 * @param name                the name split as the source splits it
 * @param dateOfBirth         the date of birth
 * @param gender              code list {@code gender}
 * @param ethnicity           code list {@code ethnicity}
 * @param religion            as the source names it
 * @param nationality         code list {@code nationality}
 * @param maritalStatus       as the source names it
 * @param bloodType           as the source names it
 * @param birthRegistration   place of birth registration (nơi đăng ký khai sinh)
 * @param homeTown            home town (quê quán)
 * @param permanentAddress    permanent residence (thường trú)
 * @param currentAddress      current residence (nơi ở hiện tại)
 * @param householdBookNumber household book number (số sổ hộ khẩu)
 * @param relatedPeople       father, mother, spouse, representative and head of household
 */
public record Citizen(
        String personalId,
        String oldIdNumber,
        String taxCode,
        String fullName,
        PersonName name,
        LocalDate dateOfBirth,
        CodedValue gender,
        CodedValue ethnicity,
        String religion,
        CodedValue nationality,
        String maritalStatus,
        String bloodType,
        Address birthRegistration,
        Address homeTown,
        Address permanentAddress,
        Address currentAddress,
        String householdBookNumber,
        List<RelatedPerson> relatedPeople) {
}
