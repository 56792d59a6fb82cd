/* A stand-in for the vendors' reader libraries (termb and sdtapi), compiled by the
   tests and loaded through the desk's real ctypes binding. The fake_* functions let a
   test put a card on it, take it away, and set what each field returns. */
#include <string.h>

static int card_present = 1;
static int port_open = 0;
static int opened_port = -1;
static int closed = 0;
static char fields[9][128];
static unsigned char text_block[256];
static unsigned char photo_block[1024];

void fake_set_card_present(int present) { card_present = present; }
void fake_set_field(int index, const char *value) {
    strncpy(fields[index], value, sizeof fields[index] - 1);
}
void fake_set_block(const unsigned char *text, const unsigned char *photo) {
    memcpy(text_block, text, 256);
    memcpy(photo_block, photo, 1024);
}
int fake_opened_port(void) { return opened_port; }
int fake_closed(void) { return closed; }

/* termb */
int CVR_InitComm(int port) {
    if (port != 1001 && port != 1) return 0;
    port_open = 1; opened_port = port; closed = 0;
    return 1;
}
int CVR_CloseComm(void) { port_open = 0; closed = 1; return 1; }
int CVR_Authenticate(void) { return port_open && card_present ? 1 : 0; }
int CVR_Read_Content(int active) { return port_open && card_present && active == 4 ? 1 : 0; }
static int give(int index, char *out, int *len) {
    int n = (int)strlen(fields[index]);
    if (!port_open || n + 1 > *len) return 0;
    memcpy(out, fields[index], n + 1);
    *len = n;
    return 1;
}
int GetPeopleName(char *s, int *n) { return give(0, s, n); }
int GetPeopleSex(char *s, int *n) { return give(1, s, n); }
int GetPeopleNation(char *s, int *n) { return give(2, s, n); }
int GetPeopleBirthday(char *s, int *n) { return give(3, s, n); }
int GetPeopleAddress(char *s, int *n) { return give(4, s, n); }
int GetPeopleIDCode(char *s, int *n) { return give(5, s, n); }
int GetDepartment(char *s, int *n) { return give(6, s, n); }
int GetStartDate(char *s, int *n) { return give(7, s, n); }
int GetEndDate(char *s, int *n) { return give(8, s, n); }
int GetBMPData(unsigned char *out, int *len) {
    static const unsigned char bmp[] = {'B', 'M', 1, 2, 3, 4};
    if (!port_open || *len < (int)sizeof bmp) return 0;
    memcpy(out, bmp, sizeof bmp);
    *len = sizeof bmp;
    return 1;
}

/* sdtapi */
int SDT_OpenPort(int port) {
    if (port != 1001) return 0x01;
    port_open = 1; opened_port = port; closed = 0;
    return 0x90;
}
int SDT_ClosePort(int port) { (void)port; port_open = 0; closed = 1; return 0x90; }
int SDT_StartFindIDCard(int port, unsigned char *info, int open) {
    (void)port; (void)info; (void)open;
    return card_present ? 0x9F : 0x80;
}
int SDT_SelectIDCard(int port, unsigned char *info, int open) {
    (void)port; (void)info; (void)open;
    return card_present ? 0x90 : 0x81;
}
int SDT_ReadBaseMsg(int port, unsigned char *text, unsigned int *text_len,
                    unsigned char *photo, unsigned int *photo_len, int open) {
    (void)port; (void)open;
    if (!card_present) return 0x41;
    memcpy(text, text_block, 256);
    memcpy(photo, photo_block, 1024);
    *text_len = 256;
    *photo_len = 1024;
    return 0x90;
}
