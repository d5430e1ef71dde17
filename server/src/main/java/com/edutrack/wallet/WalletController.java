package com.edutrack.wallet;

import com.edutrack.api.WalletApi;
import com.edutrack.api.model.BuyRequest;
import com.edutrack.api.model.BuyResult;
import com.edutrack.api.model.PaginatedLedgerEntryList;
import com.edutrack.api.model.PaginatedPurchaseList;
import com.edutrack.api.model.PaginatedRechargeCodeList;
import com.edutrack.api.model.RechargeCodeBatch;
import com.edutrack.api.model.RechargeCodeCreate;
import com.edutrack.api.model.RedeemRequest;
import com.edutrack.api.model.RedeemResult;
import com.edutrack.auth.Allowed;
import com.edutrack.auth.Authentication;
import com.edutrack.auth.Role;
import com.edutrack.web.PageRequest;
import com.edutrack.web.Pagination;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class WalletController implements WalletApi {

    private final RechargeCodeService rechargeCodes;
    private final PurchaseService purchases;
    private final Wallet wallet;
    private final Pagination pagination;

    public WalletController(RechargeCodeService rechargeCodes, PurchaseService purchases, Wallet wallet,
                            Pagination pagination) {
        this.rechargeCodes = rechargeCodes;
        this.purchases = purchases;
        this.wallet = wallet;
        this.pagination = pagination;
    }

    @Override
    @Allowed(Role.SITEOWNER)
    public ResponseEntity<RechargeCodeBatch> createRechargeCodes(RechargeCodeCreate rechargeCodeCreate) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(rechargeCodes.create(rechargeCodeCreate, Authentication.required().id()));
    }

    @Override
    @Allowed(Role.SITEOWNER)
    public ResponseEntity<PaginatedRechargeCodeList> listRechargeCodes(Integer page, Integer pageSize, Boolean all) {
        return pagination.respond(PageRequest.of(page, pageSize, all), rechargeCodes.list());
    }

    @Override
    @Allowed(Role.STUDENT)
    public ResponseEntity<RedeemResult> redeemCode(RedeemRequest redeemRequest) {
        return ResponseEntity.ok(rechargeCodes.redeem(redeemRequest.getCode(), Authentication.required().id()));
    }

    @Override
    @Allowed(Role.STUDENT)
    public ResponseEntity<PaginatedLedgerEntryList> listWalletTransactions(Integer page, Integer pageSize, Boolean all) {
        return pagination.respond(PageRequest.of(page, pageSize, all), wallet.transactions(Authentication.required().id()));
    }

    @Override
    @Allowed(Role.STUDENT)
    public ResponseEntity<BuyResult> buyCourse(BuyRequest buyRequest, String idempotencyKey) {
        return purchases.buy(Authentication.required().id(), buyRequest.getCourseId(), idempotencyKey);
    }

    @Override
    @Allowed(Role.STUDENT)
    public ResponseEntity<PaginatedPurchaseList> listPurchases(Integer page, Integer pageSize, Boolean all) {
        return pagination.respond(PageRequest.of(page, pageSize, all), purchases.list(Authentication.required().id()));
    }
}
